package org.linkdesk.upload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * "Upload link for someone" in a bucket: a POST policy (size and type limits; HTML page, curl, JSON), a presigned
 * multipart upload (scripts) or a plain PUT link; each output can be copied or saved.
 */
public final class UploadLinkViewModel {
    /** The kinds of upload link. */
    public enum Kind {
        POST("Browser form (POST policy, size and type limits)"),
        MULTIPART("Large file in parts (presigned multipart, script)"),
        PUT("Plain PUT link (no limits)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final UploadLinks links;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final TextClipboard clipboard;
    private final Supplier<SigningIdentity> identity;
    private final String bucket;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.POST);
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty maxSize = new SimpleStringProperty("100MiB");
    private final StringProperty contentType = new SimpleStringProperty("");
    private final StringProperty expiry = new SimpleStringProperty("7d");
    private final StringProperty fileSize = new SimpleStringProperty("");
    private final StringProperty partSize = new SimpleStringProperty("64MiB");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<UploadLinks.Output> outputs = FXCollections.observableArrayList();

    public UploadLinkViewModel(UploadLinks links, TaskRunner runner, Dialogs dialogs, TextClipboard clipboard,
                               Supplier<SigningIdentity> identity, String bucket, String folder) {
        this.links = links;
        this.runner = runner;
        this.dialogs = dialogs;
        this.clipboard = clipboard;
        this.identity = identity;
        this.bucket = bucket;
        key.set(folder == null ? "" : folder);
    }

    public String bucket() { return bucket; }
    public ObjectProperty<Kind> kindProperty() { return kind; }
    /** An exact key, or a folder ending in "/" (POST only: the sender's file name is added). */
    public StringProperty keyProperty() { return key; }
    public StringProperty maxSizeProperty() { return maxSize; }
    /** An exact type, or a prefix ending in "/" such as "image/" (POST); empty: any. */
    public StringProperty contentTypeProperty() { return contentType; }
    public StringProperty expiryProperty() { return expiry; }
    /** The exact size of the file to send (multipart). */
    public StringProperty fileSizeProperty() { return fileSize; }
    /** Bytes per part (multipart): at least 5 MiB, and few enough parts (10 000 at most) for the file size. */
    public StringProperty partSizeProperty() { return partSize; }
    public StringProperty messageProperty() { return message; }
    public ObservableList<UploadLinks.Output> outputs() { return outputs; }

    /** Makes the outputs of the chosen kind (inputs are checked first; the signing runs in the background). */
    public void generate() {
        outputs.clear();
        Kind chosen = kind.get();
        String k = key.get() == null ? "" : key.get().strip();
        String type = contentType.get() == null ? "" : contentType.get().strip();
        Duration expires;
        PostPolicyRequest post = null;
        long size = 0;
        long part = 0;
        try {
            expires = Durations.parse(expiry.get());
            if (chosen == Kind.POST) {
                boolean folder = k.isEmpty() || k.endsWith("/");
                boolean typePrefix = type.endsWith("/");
                post = new PostPolicyRequest(bucket, folder ? null : k, folder ? k : null, 0,
                        Sizes.parse(maxSize.get()), type.isEmpty() || typePrefix ? null : type,
                        typePrefix ? type : null, expires, null, 201, Map.of());
            } else if (k.isEmpty() || k.endsWith("/")) {
                message.set("Enter the key the file is uploaded to, e.g. " + k + "report.pdf.");
                return;
            }
            if (chosen == Kind.MULTIPART) {
                size = Sizes.parse(fileSize.get());
                part = Sizes.parse(partSize.get());
                PartPlan.exactly(size, part);
            }
        } catch (RuntimeException e) {
            message.set(UserMessages.describe(e));
            return;
        }
        PostPolicyRequest request = post;
        long bytes = size;
        long partBytes = part;
        message.set("Signing…");
        runner.run(() -> switch (chosen) {
            case POST -> links.post(identity.get(), request);
            case MULTIPART -> links.multipart(identity.get(), bucket, k, bytes, partBytes, expires);
            case PUT -> links.put(identity.get(), bucket, k, expires, type.isEmpty() ? null : type);
        }).onSuccess(made -> {
            outputs.setAll(made);
            message.set(chosen == Kind.MULTIPART ? "Multipart upload started (" + parts(bytes, partBytes) + "): "
                    + "the script completes it (or aborts it on failure); until then it is listed under Unfinished "
                    + "uploads." : "Ready: copy or save.");
        }).onError(e -> message.set(UserMessages.describe(e))).start();
    }

    private static String parts(long size, long partSize) {
        PartPlan plan = PartPlan.exactly(size, partSize);
        return plan.partCount() == 1 ? "1 part" : plan.partCount() + " parts of " + Sizes.format(plan.partSize());
    }

    public void copy(UploadLinks.Output output) {
        clipboard.put(output.text());
        message.set(output.title() + " copied.");
    }

    /** Saves {@code output} to a file the user chooses (written in the background). */
    public void save(UploadLinks.Output output) {
        dialogs.chooseFileToSave("Save " + output.title(), output.fileName(), List.of()).ifPresent(path ->
                runner.run(() -> Files.writeString(path, output.text(), StandardCharsets.UTF_8))
                        .onSuccess(p -> message.set("Saved " + p.getFileName() + "."))
                        .onError(e -> message.set(UserMessages.describe(e))).start());
    }
}
