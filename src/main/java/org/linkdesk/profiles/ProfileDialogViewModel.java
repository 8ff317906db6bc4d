package org.linkdesk.profiles;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.function.Supplier;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.profiles.awsconfig.AwsConfigReader;
import org.linkdesk.profiles.awsconfig.AwsCredentialSource;
import org.linkdesk.profiles.awsconfig.AwsProfile;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/** The New/Edit profile dialog's state: provider presets, where the secret lives, test connection; saving runs in the background. */
public final class ProfileDialogViewModel {
    private final ProfileService profiles;
    private final TaskRunner tasks;
    private final Profile editing;
    private final Supplier<S3Http> s3;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty accessKeyId = new SimpleStringProperty("");
    private final StringProperty secretAccessKey = new SimpleStringProperty("");
    private final StringProperty sessionToken = new SimpleStringProperty("");
    private final BooleanProperty clearSessionToken = new SimpleBooleanProperty(false);
    private final StringProperty region = new SimpleStringProperty("us-east-1");
    private final StringProperty endpointUrl = new SimpleStringProperty("");
    private final BooleanProperty pathStyle = new SimpleBooleanProperty(false);
    private final ObjectProperty<ProviderPreset> provider = new SimpleObjectProperty<>(ProviderPreset.AMAZON_S3);
    private final StringProperty accountId = new SimpleStringProperty("");
    private final ObjectProperty<SecretStorage> storage = new SimpleObjectProperty<>(SecretStorage.VAULT);
    private final StringProperty awsProfile = new SimpleStringProperty("");
    private final ObservableList<String> awsProfileNames = FXCollections.observableArrayList();
    private final ObservableList<SecretStorage> storageChoices = FXCollections.observableArrayList();
    private final StringProperty testBucket = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> testOk = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private boolean applyingPreset;

    /** @param editing the profile to edit, or null for a new one */
    public ProfileDialogViewModel(ProfileService profiles, TaskRunner tasks, Profile editing) {
        this(profiles, tasks, editing, null);
    }

    /** @param s3 for "Test connection", or null to offer no test */
    public ProfileDialogViewModel(ProfileService profiles, TaskRunner tasks, Profile editing, Supplier<S3Http> s3) {
        this.profiles = profiles;
        this.tasks = tasks;
        this.editing = editing;
        this.s3 = s3;
        storageChoices.setAll(SecretStorage.VAULT, SecretStorage.AWS_CLI);
        if (editing != null) {
            name.set(editing.name());
            accessKeyId.set(editing.accessKeyId() == null ? "" : editing.accessKeyId());
            region.set(editing.region());
            endpointUrl.set(editing.endpointUrl() == null ? "" : editing.endpointUrl());
            pathStyle.set(editing.pathStyle());
            storage.set(editing.storage());
            awsProfile.set(editing.awsProfile() == null ? "" : editing.awsProfile());
            applyingPreset = true;
            provider.set(editing.provider() != null ? editing.preset() : ProviderPreset.guess(editing.endpointUrl()));
            applyingPreset = false;
            if (provider.get() == ProviderPreset.CLOUDFLARE_R2 && editing.endpointUrl() != null) {
                String host = java.net.URI.create(editing.endpointUrl()).getHost();
                accountId.set(host == null ? "" : host.split("\\.")[0]);
            }
        }
        provider.addListener((o, was, now) -> applyPreset(now, true));
        endpointUrl.addListener((o, was, now) -> {
            // Typing an endpoint while "Amazon S3" is chosen means another provider: follow it, keep the text.
            if (!applyingPreset && provider.get() == ProviderPreset.AMAZON_S3 && now != null && !now.isBlank()) {
                applyingPreset = true;
                provider.set(ProviderPreset.guess(now) == ProviderPreset.AMAZON_S3 ? ProviderPreset.CUSTOM
                        : ProviderPreset.guess(now));
                applyingPreset = false;
            }
        });
        region.addListener(o -> applyPreset(provider.get(), false));
        accountId.addListener(o -> applyPreset(provider.get(), false));
        for (Observable o : new Observable[] {name, accessKeyId, secretAccessKey, sessionToken, region, endpointUrl,
                storage, awsProfile, accountId}) {
            o.addListener(x -> validate());
        }
        validate();
    }

    /** Looks for a keychain and the AWS CLI profiles in the background (both may touch the disk or D-Bus). */
    public void loadChoices() {
        tasks.run(() -> {
            boolean keychain = profiles.keychain().isAvailable();
            List<String> names;
            try {
                names = AwsConfigReader.read(profiles.awsFiles()).profiles().stream()
                        .filter(p -> p.kind() != AwsProfile.Kind.NONE).map(AwsProfile::name).toList();
            } catch (RuntimeException e) {
                names = List.of();
            }
            return new Object[] {keychain, names};
        }).onSuccess(found -> {
            boolean keychain = (Boolean) found[0];
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) found[1];
            SecretStorage keep = storage.get();
            storageChoices.setAll(keychain ? List.of(SecretStorage.VAULT, SecretStorage.KEYCHAIN,
                    SecretStorage.AWS_CLI) : List.of(SecretStorage.VAULT, SecretStorage.AWS_CLI));
            if (keep == SecretStorage.KEYCHAIN && !keychain) {
                storageChoices.add(1, SecretStorage.KEYCHAIN); // still shown for a profile already there
            }
            storage.set(keep);
            awsProfileNames.setAll(names);
        }).onError(e -> { }).start();
    }

    /** Fills endpoint, region and addressing style from the preset ({@code full}: also the region and style). */
    private void applyPreset(ProviderPreset preset, boolean full) {
        if (applyingPreset || preset == null) {
            return;
        }
        applyingPreset = true;
        try {
            if (full) {
                region.set(preset.defaultRegion());
                pathStyle.set(preset.pathStyle());
                if (preset.endpointIsTyped()) {
                    endpointUrl.set(preset == ProviderPreset.MINIO ? "http://localhost:9000" : "");
                }
            }
            if (preset == ProviderPreset.AMAZON_S3) {
                endpointUrl.set("");
            } else if (!preset.endpointIsTyped()) {
                try {
                    endpointUrl.set(preset.endpointFor(region.get(), accountId.get()));
                } catch (IllegalArgumentException e) {
                    endpointUrl.set("");
                }
            }
        } finally {
            applyingPreset = false;
        }
    }

    private void validate() {
        List<String> problems = draft().problems(isNew() || (editing.storage() == SecretStorage.AWS_CLI
                && storage.get() != SecretStorage.AWS_CLI));
        if (problems.isEmpty() && provider.get() != null && provider.get().needsAccountId()
                && !accountId.get().strip().matches("[0-9a-fA-F]{32}")) {
            problems = List.of("Enter your Cloudflare account id: 32 characters 0-9 and a-f, shown on the R2 "
                    + "overview page.");
        }
        if (problems.isEmpty() && provider.get() != null && provider.get().endpointIsTyped()
                && provider.get() != ProviderPreset.AMAZON_S3 && endpointUrl.get().isBlank()) {
            problems = List.of("Enter the endpoint URL of your " + provider.get().label() + " server.");
        }
        problem.set(problems.isEmpty() ? null : problems.get(0));
        error.set(null);
    }

    ProfileDraft draft() {
        boolean reference = storage.get() == SecretStorage.AWS_CLI;
        boolean keepToken = !isNew() && sessionToken.get().isBlank() && !clearSessionToken.get();
        String providerName = provider.get() == null ? null : provider.get().name();
        if (reference) {
            return new ProfileDraft(name.get().strip(), null, null, null, false, region.get().strip(),
                    endpointUrl.get().strip(), pathStyle.get(), awsProfile.get().isBlank() ? "?" : awsProfile.get()
                    .strip(), providerName, SecretStorage.AWS_CLI);
        }
        return new ProfileDraft(name.get().strip(), accessKeyId.get().strip(), secretAccessKey.get(),
                sessionToken.get().strip(), keepToken, region.get().strip(), endpointUrl.get().strip(),
                pathStyle.get(), null, providerName, storage.get());
    }

    /** Saves in the background; {@code onSaved} runs on the UI thread with the stored profile. */
    public void save(Consumer<Profile> onSaved) {
        validate();
        if (storage.get() == SecretStorage.AWS_CLI && awsProfile.get().isBlank()) {
            problem.set("Choose the AWS CLI profile to use.");
        }
        if (problem.get() != null || busy.get()) {
            return;
        }
        ProfileDraft draft = draft();
        busy.set(true);
        tasks.run(() -> isNew() ? profiles.create(draft) : profiles.update(editing.id(), draft)).onSuccess(onSaved)
                .onError(e -> error.set(UserMessages.describe(e))).andFinally(() -> busy.set(false)).start();
    }

    /** Lists the buckets (or checks the test bucket) with what is typed now, without saving. */
    public void testConnection() {
        if (s3 == null || busy.get()) {
            return;
        }
        ProfileDraft draft = draft();
        S3Endpoint endpoint;
        try {
            endpoint = S3Endpoint.of(draft.endpointUrl(), draft.region(), draft.pathStyle());
        } catch (IllegalArgumentException e) {
            testOk.set(false);
            testResult.set(e.getMessage());
            return;
        }
        String secret = secretAccessKey.get().strip();
        String bucket = testBucket.get().strip();
        busy.set(true);
        testOk.set(null);
        testResult.set("Testing…");
        tasks.run(() -> new ConnectionTest(profiles, s3.get()).run(endpoint, () -> credentials(draft, secret), bucket))
                .onSuccess(r -> {
                    testOk.set(r.ok());
                    testResult.set(r.message() + (r.clockWarning() != null ? " " + r.clockWarning() : ""));
                    if (r.bucketRegion() != null && !r.bucketRegion().equals(region.get())) {
                        testResult.set(testResult.get() + " Use region " + r.bucketRegion() + " for this profile "
                                + "if most of your buckets are there.");
                    }
                }).onError(e -> {
                    testOk.set(false);
                    testResult.set(UserMessages.describe(e));
                }).andFinally(() -> busy.set(false)).start();
    }

    private AwsCredentials credentials(ProfileDraft draft, String secret) {
        if (draft.isAwsReference()) {
            return AwsCredentialSource.sdk().resolve(draft.awsProfile(), profiles.awsFiles());
        }
        if (!secret.isEmpty()) {
            return new AwsCredentials(draft.accessKeyId(), secret, draft.sessionToken(), null);
        }
        if (editing != null) {
            AwsCredentials stored = profiles.credentials(editing);
            return new AwsCredentials(draft.accessKeyId(), stored.secretAccessKey(), stored.sessionToken(),
                    stored.expiration());
        }
        throw new org.linkdesk.core.sign.InvalidInputException("Enter the secret access key to test the connection.");
    }

    public boolean isNew() {
        return editing == null;
    }

    /** Whether "Test connection" is offered. */
    public boolean canTest() {
        return s3 != null;
    }

    /** Whether the edited profile has a stored session token the user may clear. */
    public boolean hasStoredSessionToken() {
        return editing != null && editing.hasSessionToken();
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty accessKeyIdProperty() { return accessKeyId; }
    public StringProperty secretAccessKeyProperty() { return secretAccessKey; }
    public StringProperty sessionTokenProperty() { return sessionToken; }
    public BooleanProperty clearSessionTokenProperty() { return clearSessionToken; }
    public StringProperty regionProperty() { return region; }
    public StringProperty endpointUrlProperty() { return endpointUrl; }
    public BooleanProperty pathStyleProperty() { return pathStyle; }
    public ObjectProperty<ProviderPreset> providerProperty() { return provider; }
    public StringProperty accountIdProperty() { return accountId; }
    public ObjectProperty<SecretStorage> storageProperty() { return storage; }
    public ObservableList<SecretStorage> storageChoices() { return storageChoices; }
    public StringProperty awsProfileProperty() { return awsProfile; }
    public ObservableList<String> awsProfileNames() { return awsProfileNames; }
    public StringProperty testBucketProperty() { return testBucket; }
    public ReadOnlyStringProperty testResultProperty() { return testResult.getReadOnlyProperty(); }
    /** True/false after a test, null before or while testing. */
    public ReadOnlyObjectProperty<Boolean> testOkProperty() { return testOk.getReadOnlyProperty(); }
    /** The first problem to fix before saving, or null. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Why the last save failed, or null. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
