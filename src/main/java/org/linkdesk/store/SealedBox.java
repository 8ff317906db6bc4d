package org.linkdesk.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sealed box format of {@link Vault#seal}: {@code version, ephemeral public key length, ephemeral public key,
 * AES-GCM box}, keyed by X25519 between the ephemeral key and the vault's public key, through HKDF.
 */
final class SealedBox {
    private static final byte[] SEAL_INFO = "linkdesk seal v1".getBytes(UTF_8);
    private static final byte SEAL_VERSION = 1;

    private SealedBox() {
    }

    /** {@link Vault#sealAll} to the public key {@code recipient}. */
    static List<byte[]> sealAllTo(byte[] recipient, List<byte[]> plaintexts) {
        KeyPair ephemeral = VaultCrypto.x25519KeyPair();
        byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();
        byte[] shared = null;
        byte[] key = null;
        try {
            shared = VaultCrypto.agree(ephemeral.getPrivate(), VaultCrypto.publicKey(recipient));
            key = VaultCrypto.hkdf(shared, concat(ephemeralPublic, recipient), SEAL_INFO, VaultCrypto.KEY_BYTES);
            List<byte[]> out = new ArrayList<>(plaintexts.size());
            javax.crypto.Cipher cipher = VaultCrypto.aesGcm();
            for (byte[] plaintext : plaintexts) {
                byte[] box = VaultCrypto.encrypt(cipher, key, plaintext, ephemeralPublic);
                out.add(ByteBuffer.allocate(2 + ephemeralPublic.length + box.length)
                        .put(SEAL_VERSION).put((byte) ephemeralPublic.length).put(ephemeralPublic).put(box).array());
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new DamagedSecretException("The vault's public key is damaged, so Linkdesk cannot keep links.", e);
        } finally {
            VaultCrypto.wipe(shared, key);
        }
    }

    /** {@link Vault#seal} to the public key {@code recipient} without a database (the CLI's journal; see ShareJournal). */
    static byte[] sealTo(byte[] recipient, byte[] plaintext) {
        KeyPair ephemeral = VaultCrypto.x25519KeyPair();
        byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();
        byte[] shared = null;
        byte[] key = null;
        try {
            shared = VaultCrypto.agree(ephemeral.getPrivate(), VaultCrypto.publicKey(recipient));
            key = VaultCrypto.hkdf(shared, concat(ephemeralPublic, recipient), SEAL_INFO, VaultCrypto.KEY_BYTES);
            byte[] box = VaultCrypto.encrypt(key, plaintext, ephemeralPublic);
            return ByteBuffer.allocate(2 + ephemeralPublic.length + box.length)
                    .put(SEAL_VERSION).put((byte) ephemeralPublic.length).put(ephemeralPublic).put(box).array();
        } catch (GeneralSecurityException e) {
            throw new DamagedSecretException("The vault's public key is damaged, so Linkdesk cannot keep links.", e);
        } finally {
            VaultCrypto.wipe(shared, key);
        }
    }

    /** Throws when {@code sealed} is not a sealed box at all (checked before any key is touched). */
    static void requireWellFormed(byte[] sealed) throws GeneralSecurityException {
        if (sealed == null || sealed.length < 3 || sealed[0] != SEAL_VERSION || sealed[1] <= 0
                || sealed.length < 2 + sealed[1]) {
            throw new GeneralSecurityException("not a sealed box");
        }
    }

    /** Opens a well-formed {@code sealed} box made for {@code recipient}, with its private key. */
    static byte[] open(byte[] sealed, byte[] recipient, byte[] privateKeyBytes) throws GeneralSecurityException {
        byte[] shared = null;
        byte[] key = null;
        try {
            byte[] ephemeralPublic = Arrays.copyOfRange(sealed, 2, 2 + sealed[1]);
            byte[] box = Arrays.copyOfRange(sealed, 2 + sealed[1], sealed.length);
            PrivateKey privateKey = VaultCrypto.privateKey(privateKeyBytes);
            shared = VaultCrypto.agree(privateKey, VaultCrypto.publicKey(ephemeralPublic));
            key = VaultCrypto.hkdf(shared, concat(ephemeralPublic, recipient), SEAL_INFO, VaultCrypto.KEY_BYTES);
            return VaultCrypto.decrypt(key, box, ephemeralPublic);
        } finally {
            VaultCrypto.wipe(shared, key);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
