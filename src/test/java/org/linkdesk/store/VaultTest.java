package org.linkdesk.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.InvalidInputException;

/** One vault for the class (PBKDF2 at 600 000 iterations costs about half a second per derivation). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VaultTest {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    static Path dir;
    static Database db;
    static Vault vault;

    @BeforeAll
    static void createVault() {
        db = Database.open(dir);
        vault = new Vault(db);
        assertThat(vault.isCreated()).isFalse();
        assertThat(vault.canSeal()).isFalse();
        assertThat(vault.isUnlocked()).isFalse();
        long start = System.nanoTime();
        vault.create(PASSWORD.clone());
        System.out.printf("vault created in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    @Order(1)
    void aNewVaultIsUnlockedAndRecordsItsParameters() {
        assertThat(vault.isCreated()).isTrue();
        assertThat(vault.canSeal()).isTrue();
        assertThat(vault.isUnlocked()).isTrue();
        db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT kdf, iterations, LENGTH(salt), LENGTH(wrapped_key), LENGTH(public_key) FROM vault")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("PBKDF2-HMAC-SHA256");
                assertThat(rs.getInt(2)).isEqualTo(600_000);
                assertThat(rs.getInt(3)).isEqualTo(16);
                assertThat(rs.getInt(4)).isEqualTo(1 + 12 + 32 + 16);
                assertThat(rs.getInt(5)).isEqualTo(44);
                assertThat(rs.next()).isFalse();
            }
            return null;
        });
        assertThatThrownBy(() -> vault.create("another password".toCharArray()))
                .isInstanceOf(VaultExistsException.class).hasMessageContaining("already has a master password");
    }

    @Test
    @Order(2)
    void encryptsWithTheContextBound() {
        byte[] secret = "wJalrXUtnFEMI/K7MDENG".getBytes(UTF_8);
        byte[] box = vault.encrypt(secret, "profile:1:secret");
        assertThat(box).hasSize(1 + 12 + secret.length + 16);
        assertThat(vault.encrypt(secret, "profile:1:secret")).isNotEqualTo(box);
        assertThat(vault.decrypt(box, "profile:1:secret")).isEqualTo(secret);
        assertThatThrownBy(() -> vault.decrypt(box, "profile:2:secret")).isInstanceOf(DamagedSecretException.class)
                .hasMessageContaining("could not decrypt a stored secret");
        byte[] tampered = box.clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> vault.decrypt(tampered, "profile:1:secret")).isInstanceOf(DamagedSecretException.class);
    }

    @Test
    @Order(3)
    void sealsWhileLockedAndUnsealsOnlyWhenUnlocked() {
        byte[] url = "https://b.s3.amazonaws.com/k?X-Amz-Signature=abc".getBytes(UTF_8);
        vault.lock();
        assertThat(vault.isUnlocked()).isFalse();
        assertThat(vault.canSeal()).isTrue();
        Vault fresh = new Vault(db);
        byte[] sealed = fresh.seal(url);
        assertThat(sealed).isNotEqualTo(fresh.seal(url));
        assertThatThrownBy(() -> fresh.unseal(sealed)).isInstanceOf(VaultLockedException.class)
                .hasMessage("Unlock Linkdesk with your master password first.");
        assertThatThrownBy(() -> vault.encrypt(url, "x")).isInstanceOf(VaultLockedException.class);
        assertThatThrownBy(() -> vault.decrypt(url, "x")).isInstanceOf(VaultLockedException.class);
        assertThatThrownBy(vault::requireUnlocked).isInstanceOf(VaultLockedException.class);

        vault.unlock(PASSWORD.clone());
        assertThat(vault.unseal(sealed)).isEqualTo(url);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> vault.unseal(tampered)).isInstanceOf(DamagedSecretException.class);
        assertThatThrownBy(() -> vault.unseal(new byte[] {1, 2, 3})).isInstanceOf(DamagedSecretException.class);
    }

    @Test
    @Order(4)
    void aWrongPasswordChangesNothing() {
        byte[] box = vault.encrypt("still readable".getBytes(UTF_8), "ctx");
        assertThatThrownBy(() -> vault.unlock("Correct horse battery".toCharArray()))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("That master password is not correct. Nothing was changed; try again.");
        assertThat(vault.isUnlocked()).isTrue();
        assertThat(vault.decrypt(box, "ctx")).isEqualTo("still readable".getBytes(UTF_8));

        vault.lock();
        assertThatThrownBy(() -> vault.unlock(new char[0])).isInstanceOf(WrongPasswordException.class);
        assertThat(vault.isUnlocked()).isFalse();
        vault.unlock(PASSWORD.clone());
    }

    @Test
    @Order(5)
    void changingThePasswordKeepsEverythingReadable() {
        byte[] box = vault.encrypt("survives".getBytes(UTF_8), "ctx");
        byte[] sealed = vault.seal("sealed survives".getBytes(UTF_8));
        char[] newPassword = "a whole new passphrase ✓".toCharArray();

        assertThatThrownBy(() -> vault.changePassword("not the password".toCharArray(), newPassword.clone()))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> vault.changePassword(PASSWORD.clone(), "short".toCharArray()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The master password must be at least 8 characters long.");

        vault.changePassword(PASSWORD.clone(), newPassword.clone());
        assertThat(vault.isUnlocked()).isTrue();

        Vault elsewhere = new Vault(db);
        assertThatThrownBy(() -> elsewhere.unlock(PASSWORD.clone())).isInstanceOf(WrongPasswordException.class);
        elsewhere.unlock(newPassword.clone());
        assertThat(elsewhere.decrypt(box, "ctx")).isEqualTo("survives".getBytes(UTF_8));
        assertThat(elsewhere.unseal(sealed)).isEqualTo("sealed survives".getBytes(UTF_8));
    }

    @Test
    void aShortMasterPasswordIsRefusedWithAPlainMessage(@TempDir Path other) {
        try (Database otherDb = Database.open(other)) {
            Vault v = new Vault(otherDb);
            // Eight characters, counted as characters even when they are outside the BMP.
            assertThatThrownBy(() -> v.create("1234567".toCharArray())).isInstanceOf(InvalidInputException.class)
                    .hasMessage("The master password must be at least 8 characters long.");
            assertThatThrownBy(() -> v.create("🔑🔑🔑🔑🔑🔑🔑".toCharArray())).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> v.create(null)).isInstanceOf(InvalidInputException.class);
            assertThat(v.isCreated()).isFalse();
            assertThatThrownBy(() -> v.unlock("whatever123".toCharArray())).isInstanceOf(VaultLockedException.class)
                    .hasMessageContaining("no master password yet");
            assertThatThrownBy(() -> v.seal(new byte[1])).isInstanceOf(VaultLockedException.class);
        }
    }

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        HexFormat hex = HexFormat.of();
        byte[] okm = VaultCrypto.hkdf(hex.parseHex("0b".repeat(22)), hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(hex.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }

    @Test
    void pbkdf2MatchesAKnownVector() {
        // PBKDF2-HMAC-SHA256("password", "salt", 1, 32), as published alongside RFC 7914.
        byte[] key = VaultCrypto.deriveKey("password".toCharArray(), "salt".getBytes(UTF_8), 1);
        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    }
}
