package org.linkdesk.profiles;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.profiles.awsconfig.AwsCredentialSource;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;

/**
 * Creates, changes and reads credential profiles. Secrets go through the vault (encrypted with the profile id and
 * field as associated data) or the OS keychain; a profile that refers to an AWS CLI profile stores none and gets
 * its credentials from the AWS SDK when a link is made. Names are unique regardless of case. Thread-safe.
 */
public final class ProfileService {
    private final Database database;
    private final Vault vault;
    private final SecretKeychain keychain;
    private final ProfileSecrets secrets;
    private final AwsProfileCredentials awsCredentials;
    private volatile AwsConfigFiles awsFiles;
    private final java.time.Clock clock;

    public ProfileService(Database database, Vault vault) {
        this(database, vault, SecretKeychain.none("not set up"), AwsCredentialSource.sdk(), AwsConfigFiles.system());
    }

    public ProfileService(Database database, Vault vault, SecretKeychain keychain, AwsCredentialSource awsCredentials,
                          AwsConfigFiles awsFiles) {
        this(database, vault, keychain, awsCredentials, awsFiles, java.time.Clock.systemUTC());
    }

    /** @param clock when profiles are created and updated */
    public ProfileService(Database database, Vault vault, SecretKeychain keychain, AwsCredentialSource awsCredentials,
                          AwsConfigFiles awsFiles, java.time.Clock clock) {
        this.clock = clock;
        this.database = database;
        this.vault = vault;
        this.keychain = keychain;
        this.secrets = new ProfileSecrets(vault, keychain);
        this.awsCredentials = new AwsProfileCredentials(awsCredentials);
        this.awsFiles = awsFiles;
    }

    /** All profiles by name. */
    public List<Profile> list() {
        return database.read(ProfileRows::all);
    }

    /** The profile with this name, ignoring case and surrounding spaces. */
    public Optional<Profile> find(String name) {
        String n = ProfileDraft.strip(name);
        if (n == null) {
            return Optional.empty();
        }
        return database.read(c -> findBy(c, "name_lower = LOWER(?)", n));
    }

    public Optional<Profile> find(long id) {
        return database.read(c -> findBy(c, "id = ?", id));
    }

    /** The keychain profiles may be kept in. */
    public SecretKeychain keychain() {
        return keychain;
    }

    /** Where AWS CLI profiles are read from. */
    public AwsConfigFiles awsFiles() {
        return awsFiles;
    }

    /** Reads AWS CLI profiles from these files from now on (the CLI passes those its environment names). */
    public void useAwsFiles(AwsConfigFiles files) {
        this.awsFiles = files;
    }

    /** @throws InvalidInputException with the first problem, or when the name is taken */
    public Profile create(ProfileDraft draft) {
        requireNoProblems(draft, true);
        requireStorageReady(draft.storage());
        return database.inTransaction(c -> insert(c, draft));
    }

    Profile insert(Connection c, ProfileDraft draft) throws SQLException {
        long id = ProfileRows.insert(c, draft, clock.instant());
        // The id is part of the associated data, so the secrets are encrypted once the row exists.
        secrets.store(c, id, draft.storage(), draft.cleanSecret(), draft.cleanSessionToken(), false);
        return findBy(c, "id = ?", id).orElseThrow();
    }

    /**
     * Changes a profile. A blank secret keeps the stored one; a blank token keeps the stored one when
     * {@code keepSessionToken}, else removes it. A changed {@link ProfileDraft#storage()} moves the secrets between
     * the vault and the keychain.
     */
    public Profile update(long id, ProfileDraft draft) {
        requireNoProblems(draft, false);
        if (draft.storage() == SecretStorage.KEYCHAIN) {
            requireStorageReady(SecretStorage.KEYCHAIN);
        } else if (draft.storage() == SecretStorage.VAULT
                && (draft.cleanSecret() != null || draft.cleanSessionToken() != null)) {
            vault.requireUnlocked();
        }
        return database.inTransaction(c -> updateRow(c, id, draft));
    }

    Profile updateRow(Connection c, long id, ProfileDraft draft) throws SQLException {
        Profile before = findBy(c, "id = ?", id).orElseThrow(() -> notFound(id));
        String secret = draft.cleanSecret();
        String token = draft.cleanSessionToken();
        boolean keepToken = draft.keepSessionToken();
        boolean moving = before.storage() != draft.storage() && draft.storage() != SecretStorage.AWS_CLI;
        if (moving && before.storage() == SecretStorage.AWS_CLI && secret == null) {
            throw new InvalidInputException("Enter the secret access key: this profile used an AWS CLI profile and "
                    + "has no stored secret.");
        }
        if (moving && before.storage() != SecretStorage.AWS_CLI) {
            ProfileSecrets.Plain old = secrets.read(c, id, before.storage());
            secret = secret != null ? secret : old.secret();
            if (token == null && keepToken) {
                token = old.token();
            }
            keepToken = false;
        }
        if (!ProfileRows.update(c, id, draft, clock.instant())) {
            throw notFound(id);
        }
        secrets.store(c, id, draft.storage(), secret, token, keepToken);
        if (before.storage() == SecretStorage.KEYCHAIN && draft.storage() != SecretStorage.KEYCHAIN) {
            secrets.forgetKeychain(id);
        }
        awsCredentials.forget(id);
        return findBy(c, "id = ?", id).orElseThrow();
    }

    /** A copy of {@code source} named {@code newName}, with the same credentials kept the same way. */
    public Profile duplicate(long sourceId, String newName) {
        return database.inTransaction(c -> {
            Profile source = findBy(c, "id = ?", sourceId).orElseThrow(() -> notFound(sourceId));
            ProfileSecrets.Plain plain = source.storage() == SecretStorage.AWS_CLI ? new ProfileSecrets.Plain(null,
                    null) : secrets.read(c, sourceId, source.storage());
            ProfileDraft draft = new ProfileDraft(newName, source.accessKeyId(), plain.secret(), plain.token(), false,
                    source.region(), source.endpointUrl(), source.pathStyle(), source.awsProfile(), source.provider(),
                    source.storage());
            requireNoProblems(draft, true);
            return insert(c, draft);
        });
    }

    /** A name not yet taken: {@code base}, else "base (2)", "base (3)", … */
    public String freeName(String base) {
        List<String> taken = list().stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList();
        String name = base;
        for (int i = 2; taken.contains(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            name = base + " (" + i + ")";
        }
        return name;
    }

    /** Deletes the profile; past shares keep its name. Deleting a profile that is already gone does nothing. */
    public void delete(long id) {
        database.inTransaction(c -> {
            // share.profile_id is cleared by the foreign key's ON DELETE SET NULL; profile_name stays.
            Optional<Profile> existing = findBy(c, "id = ?", id);
            int n = ProfileRows.delete(c, id);
            if (existing.isPresent() && existing.get().storage() == SecretStorage.KEYCHAIN) {
                secrets.forgetKeychain(id);
            }
            return n;
        });
        awsCredentials.forget(id);
    }

    /**
     * The profile's credentials: decrypted from the vault (needs it unlocked), read from the keychain, or, for an
     * AWS CLI profile, resolved through the AWS SDK now (SSO, assumed role, credential_process).
     */
    public AwsCredentials credentials(Profile profile) {
        long id = profile.id();
        Profile current = find(id).orElseThrow(() -> notFound(id));
        if (current.isAwsReference()) {
            return awsCredentials.resolve(current, awsFiles);
        }
        ProfileSecrets.Plain plain = database.read(c -> secrets.read(c, id, current.storage()));
        if (plain == null) {
            throw notFound(id);
        }
        return new AwsCredentials(current.accessKeyId(), plain.secret(), plain.token(), null);
    }

    /**
     * When the profile's credentials expire, as last seen when they were resolved; empty when they do not expire
     * or have not been resolved in this run.
     */
    public Optional<CredentialExpiry> knownExpiry(Profile profile) {
        return profile == null ? Optional.empty() : awsCredentials.knownExpiry(profile.id());
    }

    /** Runs {@code work} in one transaction with the row-level operations the importer needs. */
    <T> T inTransaction(Database.SqlWork<T> work) {
        return database.inTransaction(work);
    }

    void requireStorageReady(SecretStorage storage) {
        if (storage == SecretStorage.VAULT) {
            vault.requireUnlocked();
        } else if (storage == SecretStorage.KEYCHAIN && !keychain.isAvailable()) {
            throw new KeychainException("No system keychain is available: " + keychain.description()
                    + ". Keep the profile in the Linkdesk vault instead.", null);
        }
    }

    static String context(long id, String field) {
        return "profile:" + id + ":" + field;
    }

    static Optional<Profile> findBy(Connection c, String condition, Object value) throws SQLException {
        return ProfileRows.findBy(c, condition, value);
    }

    static void requireNoProblems(ProfileDraft draft, boolean creating) {
        List<String> problems = draft.problems(creating);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0));
        }
    }

    static ProfileNotFoundException notFound(long id) {
        return new ProfileNotFoundException("That profile (id " + id + ") no longer exists; it may have been "
                + "deleted from another Linkdesk window.");
    }
}
