package org.linkdesk.store;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's primitives, all from the JDK: PBKDF2-HMAC-SHA256, AES-256-GCM boxes, X25519 and HKDF-SHA256 (RFC 5869).
 * A box is {@code version(1) || iv(12) || ciphertext+tag(16)}.
 */
final class VaultCrypto {
    static final int KEY_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte BOX_VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultCrypto() {
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** PBKDF2-HMAC-SHA256 to a 256-bit key; {@code password} is not changed. */
    static byte[] deriveKey(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] encrypt(byte[] key, byte[] plaintext, byte[] aad) {
        return encrypt(aesGcm(), key, plaintext, aad);
    }

    /** A cipher for {@link #encrypt(Cipher, byte[], byte[], byte[])}, reusable by one thread for many boxes. */
    static Cipher aesGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    /** {@link #encrypt(byte[], byte[], byte[])} with a given cipher (each call a fresh random IV). */
    static byte[] encrypt(Cipher cipher, byte[] key, byte[] plaintext, byte[] aad) {
        byte[] iv = randomBytes(IV_BYTES);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + ciphertext.length)
                    .put(BOX_VERSION).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    /** @throws GeneralSecurityException when the box is malformed, or the key or {@code aad} do not match it */
    static byte[] decrypt(byte[] key, byte[] box, byte[] aad) throws GeneralSecurityException {
        if (box == null || box.length < 1 + IV_BYTES + TAG_BITS / 8 || box[0] != BOX_VERSION) {
            throw new GeneralSecurityException("not a vault box");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BITS, box, 1, IV_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(box, 1 + IV_BYTES, box.length - 1 - IV_BYTES);
    }

    static KeyPair x25519KeyPair() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is missing from this Java runtime", e);
        }
    }

    static byte[] agree(PrivateKey mine, PublicKey theirs) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(mine);
        agreement.doPhase(theirs, true);
        return agreement.generateSecret();
    }

    static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(x509));
    }

    static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** HKDF-SHA256 extract-and-expand (RFC 5869) to {@code length} bytes. */
    static byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            for (int done = 0, counter = 1; done < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                Arrays.fill(block, (byte) 0);
                block = mac.doFinal();
                int n = Math.min(block.length, length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            wipe(block, pseudoRandomKey);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    static void wipe(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }
}
