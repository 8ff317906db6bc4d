package org.linkdesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.profiles.AwsImport.Choice;
import org.linkdesk.profiles.AwsImport.Clash;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.profiles.awsconfig.AwsConfigReader;
import org.linkdesk.profiles.awsconfig.AwsProfile;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;

/** Import, AWS CLI references, keychain storage, duplicate, delete and settings, on a real H2 database. */
class RealAccountProfilesTest {
    private static final char[] PASSWORD = "import password".toCharArray();

    @TempDir
    static Path dir;
    static Database db;
    static Vault vault;
    static FakeKeychain keychain = new FakeKeychain();
    static AtomicReference<AwsCredentials> awsAnswer = new AtomicReference<>();
    static ProfileService profiles;
    static AwsConfigFiles files;

    @BeforeAll
    static void open() throws Exception {
        db = Database.open(dir.resolve("db"));
        vault = new Vault(db);
        vault.create(PASSWORD.clone());
        files = new AwsConfigFiles(dir.resolve("credentials"), dir.resolve("config"));
        Files.writeString(files.credentials(), """
                [default]
                aws_access_key_id = AKIADEFAULT000000001
                aws_secret_access_key = defaultSecretValue
                [work]
                aws_access_key_id = ASIAWORK000000000002
                aws_secret_access_key = workSecretValue
                aws_session_token = workTokenValue
                """, StandardCharsets.UTF_8);
        Files.writeString(files.config(), """
                [profile dev-sso]
                sso_start_url = https://example.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 111122223333
                sso_role_name = Dev
                region = eu-central-1
                [profile minio]
                aws_access_key_id = minio
                aws_secret_access_key = minioSecretValue
                endpoint_url = http://127.0.0.1:9000
                s3 =
                  addressing_style = path
                """, StandardCharsets.UTF_8);
        profiles = new ProfileService(db, vault, keychain, (name, f) -> awsAnswer.get(), files);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void clean() {
        if (!vault.isUnlocked()) {
            vault.unlock(PASSWORD.clone());
        }
        keychain.available = true;
        keychain.refuseWrites = false;
        db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM share")
                + c.createStatement().executeUpdate("DELETE FROM profile"));
        keychain.entries.clear();
    }

    private static List<AwsProfile> read() {
        return AwsConfigReader.read(files).profiles();
    }

    private static AwsProfile aws(String name) {
        return read().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void importsCopiesKeysAndRefersToSso() {
        AwsImport.Outcome outcome = new AwsImport(profiles).run(List.of(
                new Choice(aws("default"), "default", Clash.RENAME, false, SecretStorage.VAULT),
                new Choice(aws("work"), "work", Clash.RENAME, false, SecretStorage.KEYCHAIN),
                new Choice(aws("dev-sso"), "dev-sso", Clash.RENAME, false, SecretStorage.VAULT),
                new Choice(aws("minio"), "minio", Clash.RENAME, true, SecretStorage.VAULT)));
        assertThat(outcome.created()).containsExactly("default", "work", "dev-sso", "minio");

        Profile def = profiles.find("default").orElseThrow();
        assertThat(def.storage()).isEqualTo(SecretStorage.VAULT);
        assertThat(profiles.credentials(def).secretAccessKey()).isEqualTo("defaultSecretValue");

        Profile work = profiles.find("work").orElseThrow();
        assertThat(work.storage()).isEqualTo(SecretStorage.KEYCHAIN);
        assertThat(work.hasSessionToken()).isTrue();
        assertThat(keychain.entries).containsEntry("profile:" + work.id() + ":secret", "workSecretValue")
                .containsEntry("profile:" + work.id() + ":token", "workTokenValue");
        AwsCredentials wc = profiles.credentials(work);
        assertThat(wc.sessionToken()).isEqualTo("workTokenValue");

        Profile sso = profiles.find("dev-sso").orElseThrow();
        assertThat(sso.isAwsReference()).isTrue();
        assertThat(sso.awsProfile()).isEqualTo("dev-sso");
        assertThat(sso.accessKeyId()).isNull();
        assertThat(sso.region()).isEqualTo("eu-central-1");

        Profile minio = profiles.find("minio").orElseThrow();
        assertThat(minio.isAwsReference()).as("by reference on request").isTrue();
        assertThat(minio.endpointUrl()).isEqualTo("http://127.0.0.1:9000");
        assertThat(minio.pathStyle()).isTrue();

        // Nothing secret is in the database in clear.
        String dump = db.read(c -> {
            StringBuilder sb = new StringBuilder();
            try (var rs = c.createStatement().executeQuery("SELECT * FROM profile")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        sb.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : v).append('|');
                    }
                }
            }
            return sb.toString();
        });
        assertThat(dump).doesNotContain("SecretValue").doesNotContain("TokenValue");
    }

    @Test
    void clashesRenameSkipOrReplace() {
        profiles.create(new ProfileDraft("default", "AKIAOLD", "oldSecret", null, false, "us-east-1", null, false));
        profiles.create(new ProfileDraft("work", "AKIAOLD2", "oldSecret2", null, false, "us-east-1", null, false));
        profiles.create(new ProfileDraft("minio", "AKIAOLD3", "oldSecret3", null, false, "us-east-1", null, false));
        AwsImport.Outcome outcome = new AwsImport(profiles).run(List.of(
                new Choice(aws("default"), "default", Clash.RENAME, false, SecretStorage.VAULT),
                new Choice(aws("work"), "work", Clash.SKIP, false, SecretStorage.VAULT),
                new Choice(aws("minio"), "MINIO", Clash.REPLACE, false, SecretStorage.VAULT)));
        assertThat(outcome.created()).containsExactly("default (2)");
        assertThat(outcome.skipped()).containsExactly("work");
        assertThat(outcome.replaced()).containsExactly("minio");
        assertThat(outcome.summary()).isEqualTo("1 imported, 1 replaced, 1 skipped.");
        assertThat(profiles.credentials(profiles.find("work").orElseThrow()).secretAccessKey()).isEqualTo("oldSecret2");
        Profile minio = profiles.find("minio").orElseThrow();
        assertThat(minio.accessKeyId()).isEqualTo("minio");
        assertThat(profiles.credentials(minio).secretAccessKey()).isEqualTo("minioSecretValue");
    }

    @Test
    void aFailingProfileImportsNothing() {
        keychain.refuseWrites = true;
        assertThatThrownBy(() -> new AwsImport(profiles).run(List.of(
                new Choice(aws("default"), "default", Clash.RENAME, false, SecretStorage.VAULT),
                new Choice(aws("work"), "work", Clash.RENAME, false, SecretStorage.KEYCHAIN))))
                .isInstanceOf(KeychainException.class);
        assertThat(profiles.list()).isEmpty();

        assertThatThrownBy(() -> new AwsImport(profiles).run(List.of(
                new Choice(aws("default"), "default", Clash.RENAME, false, SecretStorage.VAULT),
                new Choice(aws("work"), " ", Clash.RENAME, false, SecretStorage.VAULT))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Nothing was imported");
        assertThat(profiles.list()).isEmpty();
    }

    @Test
    void awsReferenceResolvesAtUseAndRemembersExpiry() {
        Profile sso = profiles.create(ProfileDraft.awsReference("sso", "dev-sso", "eu-central-1", null, false));
        assertThat(profiles.knownExpiry(sso)).isEmpty();
        Instant expires = Instant.now().plus(50, ChronoUnit.MINUTES);
        awsAnswer.set(new AwsCredentials("ASIASSO", "ssoSecret", "ssoToken", expires));
        vault.lock();
        AwsCredentials creds = profiles.credentials(sso);
        assertThat(creds.expiration()).isEqualTo(expires);
        assertThat(profiles.knownExpiry(sso)).hasValueSatisfying(e -> {
            assertThat(e.expiresAt()).isEqualTo(expires);
            assertThat(e.source()).isEqualTo("your SSO session");
        });
    }

    @Test
    void movesSecretsBetweenVaultAndKeychain() {
        Profile p = profiles.create(new ProfileDraft("mover", "AKIAMOVE", "moveSecret", "moveToken", false,
                "us-east-1", null, false));
        ProfileDraft toKeychain = new ProfileDraft("mover", "AKIAMOVE", null, null, true, "us-east-1", null, false,
                null, null, SecretStorage.KEYCHAIN);
        Profile moved = profiles.update(p.id(), toKeychain);
        assertThat(moved.storage()).isEqualTo(SecretStorage.KEYCHAIN);
        assertThat(keychain.entries).containsEntry("profile:" + p.id() + ":secret", "moveSecret");
        assertThat(profiles.credentials(moved).sessionToken()).isEqualTo("moveToken");

        Profile back = profiles.update(p.id(), new ProfileDraft("mover", "AKIAMOVE", null, null, true, "us-east-1",
                null, false));
        assertThat(back.storage()).isEqualTo(SecretStorage.VAULT);
        assertThat(keychain.entries).isEmpty();
        assertThat(profiles.credentials(back).secretAccessKey()).isEqualTo("moveSecret");
        assertThat(profiles.credentials(back).sessionToken()).isEqualTo("moveToken");

        keychain.available = false;
        assertThatThrownBy(() -> profiles.update(p.id(), toKeychain)).isInstanceOf(KeychainException.class)
                .hasMessageContaining("vault");
        assertThat(profiles.find(p.id()).orElseThrow().storage()).isEqualTo(SecretStorage.VAULT);
    }

    @Test
    void duplicateAndDelete() {
        Profile p = profiles.create(new ProfileDraft("orig", "AKIAORIG", "origSecret", null, false, "eu-west-1",
                "https://s3.example.com", true, null, "CUSTOM", SecretStorage.KEYCHAIN));
        String name = profiles.freeName("orig");
        assertThat(name).isEqualTo("orig (2)");
        Profile copy = profiles.duplicate(p.id(), name);
        assertThat(copy.id()).isNotEqualTo(p.id());
        assertThat(copy.storage()).isEqualTo(SecretStorage.KEYCHAIN);
        assertThat(copy.provider()).isEqualTo("CUSTOM");
        assertThat(profiles.credentials(copy).secretAccessKey()).isEqualTo("origSecret");
        profiles.delete(p.id());
        assertThat(keychain.entries).containsOnlyKeys("profile:" + copy.id() + ":secret");
        assertThat(profiles.find(p.id())).isEmpty();
    }

    @Test
    void bucketRegionsAndAutoLock() {
        Profile p = profiles.create(new ProfileDraft("regions", "AKIAREG", "s", null, false, "us-east-1", null,
                false));
        BucketRegions regions = new BucketRegions(db);
        assertThat(regions.endpointFor(p, "logs").region()).isEqualTo("us-east-1");
        regions.remember(p.id(), "logs", "eu-west-3");
        regions.remember(p.id(), "logs", "eu-west-2");
        assertThat(regions.endpointFor(p, "logs").region()).isEqualTo("eu-west-2");
        assertThat(regions.endpointFor(p, "other").region()).isEqualTo("us-east-1");

        AutoLockSetting autoLock = new AutoLockSetting(db);
        assertThat(autoLock.minutes()).isEqualTo(AutoLockSetting.DEFAULT_MINUTES);
        autoLock.setMinutes(5);
        assertThat(autoLock.minutes()).isEqualTo(5);
        autoLock.setMinutes(0);
        assertThat(autoLock.minutes()).isZero();
        assertThatThrownBy(() -> autoLock.setMinutes(-1)).isInstanceOf(InvalidInputException.class);
    }
}
