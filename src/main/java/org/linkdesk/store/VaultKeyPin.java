package org.linkdesk.store;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects the vault's public key, with which links are sealed while the vault is locked (the CLI records links
 * without the master password). A copy of its SHA-256 is kept in an owner-only file outside the database
 * ({@code linkdesk.vault-key}); a key in the database that differs is not used. When the vault is unlocked, the
 * public key is also checked against the private key (which only the master password opens), so a pin made stale
 * (a restored backup) is renewed, and a swapped key is put right.
 */
final class VaultKeyPin {
    static final String FILE_NAME = "linkdesk.vault-key";
    private static final Logger LOG = LoggerFactory.getLogger(VaultKeyPin.class);
    private final Path file;

    VaultKeyPin(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** Whether {@code publicKey} is the pinned one; pins it when nothing is pinned yet (an older data folder). */
    boolean accepts(byte[] publicKey) {
        String pinned = read();
        if (pinned == null) {
            pin(publicKey);
            return true;
        }
        return MessageDigest.isEqual(pinned.getBytes(StandardCharsets.US_ASCII),
                digest(publicKey).getBytes(StandardCharsets.US_ASCII));
    }

    void pin(byte[] publicKey) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.writeString(tmp, digest(publicKey) + "\n", StandardCharsets.US_ASCII);
            if (PrivateFiles.isPosix()) {
                Files.setPosixFilePermissions(tmp, PrivateFiles.FILE);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not record the vault's public key in {}: {}", file, e.toString());
        }
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * At unlock: checks the stored public key against the private key. A key that does not belong to it was swapped
     * in the database: it is put right (links sealed to the swapped key meanwhile cannot be read, and are reported
     * as damaged when shown). Renews the pin either way. Returns the public key to seal with.
     */
    byte[] verifyAtUnlock(Database database, byte[] storedPublicKey, byte[] privateKeyPkcs8)
            throws GeneralSecurityException {
        byte[] actual = publicKeyOf(VaultCrypto.privateKey(privateKeyPkcs8));
        if (!MessageDigest.isEqual(actual, storedPublicKey)) {
            LOG.warn("The vault's public key in the database does not belong to its private key; restoring it");
            database.inTransaction(c -> {
                try (var ps = c.prepareStatement("UPDATE vault SET public_key = ? WHERE id = 1")) {
                    ps.setBytes(1, actual);
                    return ps.executeUpdate();
                }
            });
        }
        pin(actual);
        return actual;
    }

    /** The X.509 encoding of the public key that belongs to {@code privateKey}. */
    static byte[] publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        PublicKey basePoint = KeyFactory.getInstance("X25519")
                .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9)));
        byte[] u = VaultCrypto.agree(privateKey, basePoint);
        byte[] little = u.clone();
        byte[] big = new byte[little.length];
        for (int i = 0; i < little.length; i++) {
            big[i] = little[little.length - 1 - i];
        }
        PublicKey pub = KeyFactory.getInstance("X25519").generatePublic(
                new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, big)));
        return pub.getEncoded();
    }

    static String digest(byte[] publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
