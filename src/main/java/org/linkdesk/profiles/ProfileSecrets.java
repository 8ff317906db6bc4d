package org.linkdesk.profiles;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.linkdesk.store.DamagedSecretException;
import org.linkdesk.store.Vault;

/**
 * Reads and writes a profile's secret and session token where the profile keeps them: encrypted in its row (vault)
 * or in the OS keychain, with an empty marker in the row. Runs inside the caller's transaction, so a keychain
 * failure rolls the row back.
 */
final class ProfileSecrets {
    private static final byte[] IN_KEYCHAIN = new byte[0];

    private final Vault vault;
    private final SecretKeychain keychain;

    ProfileSecrets(Vault vault, SecretKeychain keychain) {
        this.vault = vault;
        this.keychain = keychain;
    }

    record Plain(String secret, String token) {
        @Override
        public String toString() {
            return "Plain[****]";
        }
    }

    /** Writes the given secret / token (null keeps the stored one; a null token with !keepToken removes it). */
    void store(Connection c, long id, SecretStorage storage, String secret, String token, boolean keepToken)
            throws SQLException {
        if (storage == SecretStorage.AWS_CLI) {
            clear(c, id);
            return;
        }
        if (secret != null) {
            if (storage == SecretStorage.KEYCHAIN) {
                keychain.put(account(id, "secret"), secret);
                column(c, id, "secret_enc", IN_KEYCHAIN);
            } else {
                column(c, id, "secret_enc", encrypt(secret, ProfileService.context(id, "secret")));
            }
        }
        if (token != null) {
            if (storage == SecretStorage.KEYCHAIN) {
                keychain.put(account(id, "token"), token);
                column(c, id, "token_enc", IN_KEYCHAIN);
            } else {
                column(c, id, "token_enc", encrypt(token, ProfileService.context(id, "token")));
            }
        } else if (!keepToken) {
            column(c, id, "token_enc", null);
            if (storage == SecretStorage.KEYCHAIN) {
                keychain.delete(account(id, "token"));
            }
        }
    }

    /** The stored secret and token (token null when none). */
    Plain read(Connection c, long id, SecretStorage storage) throws SQLException {
        byte[] secretEnc;
        byte[] tokenEnc;
        try (PreparedStatement ps = c.prepareStatement("SELECT secret_enc, token_enc FROM profile WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                secretEnc = rs.getBytes(1);
                tokenEnc = rs.getBytes(2);
            }
        }
        if (storage == SecretStorage.KEYCHAIN) {
            String secret = keychain.get(account(id, "secret")).orElseThrow(() -> new KeychainException(
                    "The system keychain no longer has this profile's secret; edit the profile and enter it again.",
                    null));
            String token = tokenEnc == null ? null : keychain.get(account(id, "token")).orElse(null);
            return new Plain(secret, token);
        }
        vault.requireUnlocked();
        if (secretEnc == null || secretEnc.length == 0) {
            throw new DamagedSecretException("This profile has no stored secret; edit it and enter the secret "
                    + "access key again.", null);
        }
        return new Plain(decrypt(secretEnc, ProfileService.context(id, "secret")),
                tokenEnc == null ? null : decrypt(tokenEnc, ProfileService.context(id, "token")));
    }

    /** Forgets everything stored for the profile (the row keeps an empty marker). */
    void clear(Connection c, long id) throws SQLException {
        column(c, id, "secret_enc", IN_KEYCHAIN);
        column(c, id, "token_enc", null);
    }

    void forgetKeychain(long id) {
        keychain.delete(account(id, "secret"));
        keychain.delete(account(id, "token"));
    }

    static String account(long id, String field) {
        return "profile:" + id + ":" + field;
    }

    private String decrypt(byte[] ciphertext, String context) {
        byte[] plain = vault.decrypt(ciphertext, context);
        try {
            return new String(plain, UTF_8);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] encrypt(String plaintext, String context) {
        byte[] plain = plaintext.getBytes(UTF_8);
        try {
            return vault.encrypt(plain, context);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static void column(Connection c, long id, String column, byte[] value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE profile SET " + column + " = ? WHERE id = ?")) {
            ps.setBytes(1, value);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }
}
