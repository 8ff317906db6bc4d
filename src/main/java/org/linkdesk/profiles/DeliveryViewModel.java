package org.linkdesk.profiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.linkdesk.core.cloudfront.RsaPemKeys;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.UserMessages;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * A profile's link delivery: a CloudFront distribution (domain, key-pair id, private key) and a custom public host.
 * The private key is read from a PEM file the user picks and goes straight to {@link DeliveryService}, which
 * encrypts it with the vault; it is never shown and never written in clear.
 */
public final class DeliveryViewModel {
    /** Which servers accept a link signed for a custom host (from {@link ProfileDelivery}). */
    public static final String CUSTOM_HOST_NOTE = "Links are signed for this host, so the server must accept "
            + "presigned requests on it: MinIO, Ceph RGW and Garage do once the domain is configured. Amazon S3 "
            + "answers only on its own host names (use CloudFront), and Cloudflare R2 custom domains and Backblaze B2 "
            + "friendly URLs do not check S3 signatures.";
    private static final long MAX_PEM_BYTES = 64 * 1024;
    private final DeliveryService delivery;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final long profileId;
    private final StringProperty publicHost = new SimpleStringProperty("");
    private final StringProperty cloudFrontDomain = new SimpleStringProperty("");
    private final StringProperty keyPairId = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** null: keep the stored key; blank: remove it; else the PEM to store (held only until Save). */
    private String pendingPem;
    private boolean hasStoredKey;

    public DeliveryViewModel(DeliveryService delivery, TaskRunner tasks, Dialogs dialogs, long profileId) {
        this.delivery = delivery;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.profileId = profileId;
    }

    public void load() {
        busy.set(true);
        tasks.run(() -> delivery.settings(profileId)).onSuccess(this::show)
                .onError(e -> problem.set(UserMessages.describe(e))).andFinally(() -> busy.set(false)).start();
    }

    private void show(ProfileDelivery d) {
        publicHost.set(d.publicEndpoint() == null ? "" : d.publicEndpoint());
        cloudFrontDomain.set(d.cloudFrontDomain() == null ? "" : d.cloudFrontDomain());
        keyPairId.set(d.keyPairId() == null ? "" : d.keyPairId());
        hasStoredKey = d.hasPrivateKey();
        pendingPem = null;
        keyStatus.set(hasStoredKey ? "A private key is stored, encrypted by the vault." : "No private key stored.");
    }

    /** Asks for the CloudFront private key (PEM) and checks it off the FX thread; it is stored on Save. */
    public void choosePrivateKey() {
        dialogs.chooseFileToOpen("CloudFront private key", List.of(new Dialogs.FileType("PEM key", "*.pem", "*.key"),
                new Dialogs.FileType("All files", "*"))).ifPresent(this::readKey);
    }

    private void readKey(Path file) {
        busy.set(true);
        tasks.run(() -> {
            if (Files.size(file) > MAX_PEM_BYTES) {
                throw new org.linkdesk.core.sign.InvalidInputException(file.getFileName()
                        + " is too large for a PEM private key.");
            }
            String pem = Files.readString(file, StandardCharsets.UTF_8);
            RsaPemKeys.readPrivateKey(pem);
            return pem;
        }).onSuccess(pem -> {
            pendingPem = pem;
            problem.set("");
            keyStatus.set("The RSA key from " + file.getFileName() + " will be stored, encrypted, on Save.");
        }).onError(e -> problem.set(UserMessages.describe(e))).andFinally(() -> busy.set(false)).start();
    }

    public void removePrivateKey() {
        pendingPem = "";
        keyStatus.set(hasStoredKey ? "The stored private key will be removed on Save." : "No private key stored.");
    }

    /** Saves everything in one transaction (nothing changes when a value is refused); then {@code onSaved}. */
    public void save(Runnable onSaved) {
        String pem = pendingPem;
        busy.set(true);
        problem.set("");
        tasks.run(() -> delivery.save(profileId, publicHost.get(), cloudFrontDomain.get(), keyPairId.get(), pem))
                .onSuccess(saved -> {
                    show(saved);
                    onSaved.run();
                }).onError(e -> problem.set(UserMessages.describe(e))).andFinally(() -> busy.set(false)).start();
    }

    public StringProperty publicHostProperty() { return publicHost; }
    public StringProperty cloudFrontDomainProperty() { return cloudFrontDomain; }
    public StringProperty keyPairIdProperty() { return keyPairId; }
    public ReadOnlyStringProperty keyStatusProperty() { return keyStatus.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
