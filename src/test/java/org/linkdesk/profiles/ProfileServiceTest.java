package org.linkdesk.profiles;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.store.DamagedSecretException;
import org.linkdesk.store.Database;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.Vault;
import org.linkdesk.store.VaultLockedException;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.profiles.awsconfig.AwsCredentialSource;

class ProfileServiceTest {
    private static final org.linkdesk.testing.MovableClock CLOCK = new org.linkdesk.testing.MovableClock(
            Instant.parse("2026-12-01T10:00:00Z"));
    private static final char[] PASSWORD = "profiles password".toCharArray();

    @TempDir
    static Path dir;
    static Database db;
    static Vault vault;
    static ProfileService profiles;

    @BeforeAll
    static void open() {
        db = Database.open(dir);
        vault = new Vault(db);
        vault.create(PASSWORD.clone());
        profiles = new ProfileService(db, vault, SecretKeychain.none("test"),
                AwsCredentialSource.sdk(), AwsConfigFiles.system(), CLOCK);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void noProfiles() {
        if (!vault.isUnlocked()) {
            vault.unlock(PASSWORD.clone());
        }
        db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM share")
                + c.createStatement().executeUpdate("DELETE FROM profile"));
    }

    private static ProfileDraft draft(String name, String secret, String token, boolean keepToken) {
        return new ProfileDraft(name, "AKIA" + name.length(), secret, token, keepToken, "eu-west-1", null, false);
    }

    @Test
    void createsAndReadsAProfile() {
        Instant before = CLOCK.instant();
        Profile p = profiles.create(new ProfileDraft("  MinIO local ", " minioadmin ", " minio-secret\n", null, false,
                "us-east-1", " http://127.0.0.1:9000 ", true));
        assertThat(p.name()).isEqualTo("MinIO local");
        assertThat(p.accessKeyId()).isEqualTo("minioadmin");
        assertThat(p.region()).isEqualTo("us-east-1");
        assertThat(p.endpointUrl()).isEqualTo("http://127.0.0.1:9000");
        assertThat(p.pathStyle()).isTrue();
        assertThat(p.hasSessionToken()).isFalse();
        assertThat(p.createdAt()).isEqualTo(before).isEqualTo(p.updatedAt());
        assertThat(p.endpoint()).isEqualTo(S3Endpoint.custom("http://127.0.0.1:9000", "us-east-1", true));

        assertThat(profiles.find(p.id())).contains(p);
        assertThat(profiles.find("minio LOCAL")).contains(p);
        assertThat(profiles.find(" MinIO local ")).contains(p);
        assertThat(profiles.find("other")).isEmpty();
        assertThat(profiles.find(" ")).isEmpty();
        assertThat(profiles.credentials(p)).isEqualTo(new AwsCredentials("minioadmin", "minio-secret", null, null));
    }

    @Test
    void listsByNameIgnoringCase() {
        for (String name : new String[] {"zeta", "Alpha", "beta", "Ünïcode 工作"}) {
            profiles.create(draft(name, "s", null, false));
        }
        assertThat(profiles.list()).extracting(Profile::name).containsExactly("Alpha", "beta", "zeta", "Ünïcode 工作");
    }

    @Test
    void aNameClashIsRefusedWhateverTheCase() {
        Profile work = profiles.create(draft("Work", "s", null, false));
        Profile home = profiles.create(draft("home", "s", null, false));
        assertThatThrownBy(() -> profiles.create(draft("work", "s", null, false)))
                .isInstanceOf(InvalidInputException.class).hasMessage("A profile named \"work\" already exists.");
        assertThatThrownBy(() -> profiles.update(home.id(), draft(" WORK ", null, null, true)))
                .isInstanceOf(InvalidInputException.class).hasMessage("A profile named \"WORK\" already exists.");
        assertThat(profiles.find(home.id()).orElseThrow().name()).isEqualTo("home");
        assertThat(profiles.list()).containsExactly(home, work);
        // Renaming to a different case of its own name is fine.
        assertThat(profiles.update(work.id(), draft("WORK", null, null, true)).name()).isEqualTo("WORK");
    }

    @Test
    void invalidDraftsAreRefusedWithTheFirstProblem() {
        assertThatThrownBy(() -> profiles.create(draft("", "s", null, false))).isInstanceOf(InvalidInputException.class)
                .hasMessage("Enter a name for the profile.");
        assertThatThrownBy(() -> profiles.create(draft("x", null, null, false)))
                .hasMessage("Enter the secret access key.");
        assertThat(profiles.list()).isEmpty();
    }

    @Test
    void longUnicodeNamesFit() {
        Profile p = profiles.create(draft("😀".repeat(64), "s", null, false));
        assertThat(profiles.find("😀".repeat(64))).contains(p);
    }

    @Test
    void updateKeepsTheSecretWhenBlankAndHandlesTheTokenAsAsked() throws Exception {
        Profile p = profiles.create(draft("sts", "first-secret", "first-token", false));
        assertThat(p.hasSessionToken()).isTrue();
        CLOCK.advance(java.time.Duration.ofMinutes(1));

        Profile renamed = profiles.update(p.id(), new ProfileDraft("sts renamed", "AKIANEW", "", "", true,
                "ap-southeast-2", "https://s3.example.com", false));
        assertThat(renamed.name()).isEqualTo("sts renamed");
        assertThat(renamed.updatedAt()).isAfter(p.updatedAt());
        assertThat(renamed.createdAt()).isEqualTo(p.createdAt());
        assertThat(renamed.endpointUrl()).isEqualTo("https://s3.example.com");
        assertThat(profiles.credentials(renamed))
                .isEqualTo(new AwsCredentials("AKIANEW", "first-secret", "first-token", null));

        profiles.update(p.id(), new ProfileDraft("sts", "AKIANEW", "second-secret", "second-token", false,
                "eu-west-1", null, false));
        assertThat(profiles.credentials(profiles.find(p.id()).orElseThrow()))
                .isEqualTo(new AwsCredentials("AKIANEW", "second-secret", "second-token", null));

        Profile noToken = profiles.update(p.id(), new ProfileDraft("sts", "AKIANEW", null, null, false,
                "eu-west-1", null, false));
        assertThat(noToken.hasSessionToken()).isFalse();
        assertThat(profiles.credentials(noToken))
                .isEqualTo(new AwsCredentials("AKIANEW", "second-secret", null, null));
        assertThat(noToken.endpointUrl()).isNull();
    }

    @Test
    void secretsNeedTheVaultButRenamingDoesNot() {
        Profile p = profiles.create(draft("locked", "s3cret", null, false));
        vault.lock();
        assertThatThrownBy(() -> profiles.credentials(p)).isInstanceOf(VaultLockedException.class)
                .hasMessage("Unlock Linkdesk with your master password first.");
        assertThatThrownBy(() -> profiles.create(draft("new", "s", null, false)))
                .isInstanceOf(VaultLockedException.class);
        assertThatThrownBy(() -> profiles.update(p.id(), draft("locked", "new secret", null, false)))
                .isInstanceOf(VaultLockedException.class);
        assertThat(profiles.update(p.id(), draft("still locked", null, null, true)).name()).isEqualTo("still locked");
        assertThat(profiles.list()).extracting(Profile::name).containsExactly("still locked");
        vault.unlock(PASSWORD.clone());
        assertThat(profiles.credentials(p).secretAccessKey()).isEqualTo("s3cret");
    }

    @Test
    void secretsAreEncryptedForTheirOwnProfileAndFieldOnly() {
        Profile a = profiles.create(draft("a", "secret-of-a", "token-of-a", false));
        Profile b = profiles.create(draft("b", "secret-of-b", null, false));
        byte[] secretOfA = column(a.id(), "secret_enc");
        assertThat(new String(vault.decrypt(secretOfA, "profile:" + a.id() + ":secret"), UTF_8))
                .isEqualTo("secret-of-a");
        assertThat(column(a.id(), "token_enc")).isNotNull();
        assertThat(column(b.id(), "token_enc")).isNull();

        // Copying A's encrypted secret into B does not make it B's secret.
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE profile SET secret_enc = ? WHERE id = ?")) {
                ps.setBytes(1, secretOfA);
                ps.setLong(2, b.id());
                return ps.executeUpdate();
            }
        });
        assertThatThrownBy(() -> profiles.credentials(b)).isInstanceOf(DamagedSecretException.class);
    }

    @Test
    void deletingAProfileKeepsItsSharesWithTheName() {
        Profile p = profiles.create(draft("to delete", "s", null, false));
        ShareStore shares = new ShareStore(db, vault);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ShareRecord share = shares.insert(new NewShare(now, p.id(), p.name(), p.accessKeyId(), null, p.region(),
                "b", "k", LinkOptions.get(Duration.ofHours(1)), now.plusSeconds(3600), EffectiveExpiry.Limit.REQUESTED,
                "https://b.s3.amazonaws.com/k?X-Amz-Signature=x", null));
        assertThat(share.profileId()).isEqualTo(p.id());

        profiles.delete(p.id());
        profiles.delete(p.id());
        assertThat(profiles.find(p.id())).isEmpty();
        ShareRecord kept = shares.find(share.id()).orElseThrow();
        assertThat(kept.profileId()).isNull();
        assertThat(kept.profileName()).isEqualTo("to delete");
        assertThat(shares.url(share.id())).contains("https://b.s3.amazonaws.com/k?X-Amz-Signature=x");

        assertThatThrownBy(() -> profiles.credentials(p)).isInstanceOf(ProfileNotFoundException.class)
                .hasMessageContaining("no longer exists");
        assertThatThrownBy(() -> profiles.update(p.id(), draft("x", null, null, true)))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    void writesJoinAnOuterTransactionAndRollBackWithIt() {
        assertThatThrownBy(() -> db.inTransaction(c -> {
            Profile p = profiles.create(draft("inside", "s", "t", false));
            assertThat(profiles.find(p.id())).isPresent();
            throw new IllegalStateException("the caller gives up");
        })).hasMessage("the caller gives up");
        assertThat(profiles.list()).isEmpty();
    }

    private static byte[] column(long id, String column) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM profile WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }
}
