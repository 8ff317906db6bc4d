package org.linkdesk.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linkdesk.core.sign.InvalidInputException;

/**
 * Encrypts secrets with a key derived from the master password (PBKDF2-HMAC-SHA256, 600 000 iterations, random salt;
 * AES-256-GCM). A random data key does the encryption and is itself wrapped by the password key, so changing the
 * password re-wraps one key. Signed URLs are sealed with a public key (X25519 + AES-GCM) so the history can be written
 * while the vault is locked, and read only when it is unlocked.
 *
 * <p>Thread-safe. Passwords passed in are not kept; the caller may wipe its array afterwards.
 */
public final class Vault {
    public static final int ITERATIONS = 600_000;
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final String LOCKED = "Unlock Linkdesk with your master password first.";
    private static final byte[] DATA_KEY_AAD = "vault:data-key".getBytes(UTF_8);
    private static final byte[] PRIVATE_KEY_AAD = "vault:private-key".getBytes(UTF_8);

    private final Database database;
    private final VaultKeyPin pin;
    private final Object lock = new Object();
    /** The data key while unlocked, else null. Guarded by {@link #lock}. */
    private byte[] dataKey;
    /**
     * The vault row last read, once the vault is known to exist. Only its key pair is used from here: that never
     * changes, while the password wrapping may be changed by another process at any time.
     */
    private volatile VaultRow known;

    public Vault(Database database) {
        this.database = database;
        this.pin = new VaultKeyPin(database.directory());
    }

    /** Whether a master password has been set. */
    public boolean isCreated() {
        return sealingKey().isPresent();
    }

    /** Sets the master password the first time; the vault is then unlocked. */
    public void create(char[] password) {
        requireStrongEnough(password);
        if (isCreated()) {
            throw new VaultExistsException("Linkdesk already has a master password; unlock it instead.");
        }
        byte[] salt = VaultCrypto.randomBytes(VaultCrypto.SALT_BYTES);
        byte[] passwordKey = VaultCrypto.deriveKey(password, salt, ITERATIONS);
        byte[] newDataKey = VaultCrypto.randomBytes(VaultCrypto.KEY_BYTES);
        KeyPair pair = VaultCrypto.x25519KeyPair();
        byte[] privateKey = pair.getPrivate().getEncoded();
        VaultRow row = new VaultRow(VaultRow.KDF, ITERATIONS, salt,
                VaultCrypto.encrypt(passwordKey, newDataKey, DATA_KEY_AAD), pair.getPublic().getEncoded(),
                VaultCrypto.encrypt(newDataKey, privateKey, PRIVATE_KEY_AAD));
        VaultCrypto.wipe(passwordKey, privateKey);
        boolean inserted = database.inTransaction(c -> VaultRow.read(c).isEmpty() && row.insert(c, Instant.now()));
        if (!inserted) {
            VaultCrypto.wipe(newDataKey);
            throw new VaultExistsException("Linkdesk already has a master password (set from another window "
                    + "meanwhile); unlock it instead.");
        }
        known = row;
        pin.pin(row.publicKey());
        holdDataKey(newDataKey);
    }

    /** Unlocks; throws {@link WrongPasswordException} and changes nothing when the password is wrong. */
    public void unlock(char[] password) {
        VaultRow row = requireRow();
        byte[] key = unwrap(row, password);
        known = verified(row, key);
        holdDataKey(key);
    }

    /** {@code row} with its public key checked against its private key (and put right if it was swapped). */
    private VaultRow verified(VaultRow row, byte[] key) {
        byte[] privateKey = null;
        try {
            privateKey = VaultCrypto.decrypt(key, row.privateKeyEnc(), PRIVATE_KEY_AAD);
            byte[] publicKey = pin.verifyAtUnlock(database, row.publicKey(), privateKey);
            return new VaultRow(row.kdf(), row.iterations(), row.salt(), row.wrappedKey(), publicKey,
                    row.privateKeyEnc());
        } catch (GeneralSecurityException e) {
            VaultCrypto.wipe(key);
            throw damaged(e);
        } finally {
            VaultCrypto.wipe(privateKey);
        }
    }

    public boolean isUnlocked() {
        synchronized (lock) {
            return dataKey != null;
        }
    }

    /** Throws {@link VaultLockedException} unless unlocked, to check before starting work that needs the keys. */
    public void requireUnlocked() {
        if (!isUnlocked()) {
            throw new VaultLockedException(LOCKED);
        }
    }

    /** Forgets the keys held in memory. */
    public void lock() {
        holdDataKey(null);
    }

    /**
     * Replaces the master password: the data key is re-wrapped in one transaction, so everything encrypted stays
     * readable. Throws {@link WrongPasswordException} (changing nothing) when {@code oldPassword} is wrong. The vault
     * is unlocked afterwards.
     */
    public void changePassword(char[] oldPassword, char[] newPassword) {
        requireStrongEnough(newPassword);
        VaultRow row = requireRow();
        byte[] key = unwrap(row, oldPassword);
        known = verified(row, key);
        byte[] salt = VaultCrypto.randomBytes(VaultCrypto.SALT_BYTES);
        byte[] passwordKey = VaultCrypto.deriveKey(newPassword, salt, ITERATIONS);
        VaultRow changed = row.withWrapping(ITERATIONS, salt, VaultCrypto.encrypt(passwordKey, key, DATA_KEY_AAD));
        VaultCrypto.wipe(passwordKey);
        boolean replaced = database.inTransaction(c -> changed.replaceWrapping(c, row, Instant.now()));
        if (!replaced) {
            VaultCrypto.wipe(key);
            throw new StoreException("The master password was changed from another Linkdesk window meanwhile. "
                    + "Nothing was changed here; try again with the current password.");
        }
        holdDataKey(key);
    }

    /** AES-256-GCM with {@code context} as associated data; needs the vault unlocked. */
    public byte[] encrypt(byte[] plaintext, String context) {
        synchronized (lock) {
            return VaultCrypto.encrypt(requireDataKey(), plaintext, contextBytes(context));
        }
    }

    /** Reverses {@link #encrypt} for the same {@code context}; needs the vault unlocked. */
    public byte[] decrypt(byte[] ciphertext, String context) {
        synchronized (lock) {
            try {
                return VaultCrypto.decrypt(requireDataKey(), ciphertext, contextBytes(context));
            } catch (GeneralSecurityException e) {
                throw damaged(e);
            }
        }
    }

    /** Whether {@link #seal} works now (the vault exists; it may be locked). */
    public boolean canSeal() {
        return isCreated();
    }

    /** Encrypts to the vault's public key; works while locked. */
    public byte[] seal(byte[] plaintext) {
        byte[] recipient = sealingKey().orElseThrow(() -> new VaultLockedException(
                "Set a master password first; Linkdesk keeps links only once it has one."));
        return sealTo(recipient, plaintext);
    }

    /**
     * {@link #seal} for many plaintexts with one key agreement: one ephemeral key for the whole batch and a fresh
     * random IV per box, so each result is an ordinary sealed box (X25519 costs far more than the AES-GCM per link).
     */
    public List<byte[]> sealAll(List<byte[]> plaintexts) {
        byte[] recipient = sealingKey().orElseThrow(() -> new VaultLockedException(
                "Set a master password first; Linkdesk keeps links only once it has one."));
        return sealAllTo(recipient, plaintexts);
    }

    static List<byte[]> sealAllTo(byte[] recipient, List<byte[]> plaintexts) {
        return SealedBox.sealAllTo(recipient, plaintexts);
    }

    static byte[] sealTo(byte[] recipient, byte[] plaintext) {
        return SealedBox.sealTo(recipient, plaintext);
    }

    /**
     * The hex SHA-256 of the public key links are sealed to: what a team history row records as {@code sealed_for},
     * so a member can tell their own sealed links from a teammate's. Empty when there is no vault yet.
     */
    public Optional<String> sealingKeyId() {
        return sealingKey().map(VaultKeyPin::digest);
    }

    /** Decrypts what {@link #seal} made; needs the vault unlocked. */
    public byte[] unseal(byte[] sealed) {
        byte[] recipient = sealingKey().orElseThrow(() -> new VaultLockedException(LOCKED));
        byte[] privateKeyBytes = null;
        try {
            SealedBox.requireWellFormed(sealed);
            byte[] privateKeyEnc = known.privateKeyEnc();
            synchronized (lock) {
                privateKeyBytes = VaultCrypto.decrypt(requireDataKey(), privateKeyEnc, PRIVATE_KEY_AAD);
            }
            return SealedBox.open(sealed, recipient, privateKeyBytes);
        } catch (GeneralSecurityException e) {
            throw damaged(e);
        } finally {
            VaultCrypto.wipe(privateKeyBytes);
        }
    }

    /** The public key to seal with, refused when it is not the one pinned outside the database. */
    Optional<byte[]> sealingKey() {
        if (known == null) {
            VaultRow row = database.read(VaultRow::read).orElse(null);
            if (row != null && !isUnlocked() && !pin.accepts(row.publicKey())) {
                throw new DamagedSecretException("The vault's public key in the database is not the one Linkdesk "
                        + "recorded, so Linkdesk will not use it to keep links. Unlock Linkdesk with the master "
                        + "password to check and repair it.", null);
            }
            known = row;
        }
        return Optional.ofNullable(known).map(VaultRow::publicKey);
    }

    private VaultRow requireRow() {
        return database.read(VaultRow::read).orElseThrow(() -> new VaultLockedException(
                "Linkdesk has no master password yet; set one first."));
    }

    /** The data key the password unwraps; {@link WrongPasswordException} when it does not. */
    private static byte[] unwrap(VaultRow row, char[] password) {
        if (password == null || password.length == 0) {
            throw new WrongPasswordException();
        }
        if (row.iterations() < 1 || row.salt() == null) {
            throw new DamagedSecretException("The master password record is damaged, so Linkdesk cannot unlock.",
                    null);
        }
        byte[] passwordKey = VaultCrypto.deriveKey(password, row.salt(), row.iterations());
        try {
            return VaultCrypto.decrypt(passwordKey, row.wrappedKey(), DATA_KEY_AAD);
        } catch (GeneralSecurityException e) {
            throw new WrongPasswordException();
        } finally {
            VaultCrypto.wipe(passwordKey);
        }
    }

    private void holdDataKey(byte[] key) {
        synchronized (lock) {
            VaultCrypto.wipe(dataKey);
            dataKey = key;
        }
    }

    private byte[] requireDataKey() {
        if (dataKey == null) {
            throw new VaultLockedException(LOCKED);
        }
        return dataKey;
    }

    private static void requireStrongEnough(char[] password) {
        if (password == null || Character.codePointCount(password, 0, password.length) < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("The master password must be at least " + MIN_PASSWORD_LENGTH
                    + " characters long.");
        }
    }

    private static byte[] contextBytes(String context) {
        return ("data:" + context).getBytes(UTF_8);
    }

    private static DamagedSecretException damaged(GeneralSecurityException e) {
        return new DamagedSecretException("Linkdesk could not decrypt a stored secret; it is damaged. Enter it "
                + "again (for a link, make a new one).", e);
    }
}
