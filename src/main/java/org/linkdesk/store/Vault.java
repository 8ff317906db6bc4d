package org.linkdesk.store;

/**
 * Encrypts secrets with a key derived from the master password (PBKDF2-HMAC-SHA256, 600 000 iterations, random salt;
 * AES-256-GCM). A random data key does the encryption and is itself wrapped by the password key, so changing the
 * password re-wraps one key. Signed URLs are sealed with a public key (X25519 + AES-GCM) so the history can be written
 * while the vault is locked, and read only when it is unlocked.
 */
public final class Vault {
    public Vault(Database database) {
    }

    /** Whether a master password has been set. */
    public boolean isCreated() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Sets the master password the first time; the vault is then unlocked. */
    public void create(char[] password) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Unlocks; throws {@link WrongPasswordException} and changes nothing when the password is wrong. */
    public void unlock(char[] password) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public boolean isUnlocked() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Forgets the keys held in memory. */
    public void lock() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** AES-256-GCM with {@code context} as associated data; needs the vault unlocked. */
    public byte[] encrypt(byte[] plaintext, String context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public byte[] decrypt(byte[] ciphertext, String context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Whether {@link #seal} works now (the vault exists; it may be locked). */
    public boolean canSeal() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Encrypts to the vault's public key; works while locked. */
    public byte[] seal(byte[] plaintext) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Decrypts what {@link #seal} made; needs the vault unlocked. */
    public byte[] unseal(byte[] sealed) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
