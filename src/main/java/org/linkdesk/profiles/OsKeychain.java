package org.linkdesk.profiles;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Locale;
import java.util.Optional;

/**
 * The OS keychain through java-keyring: macOS Keychain, Windows Credential Manager, or the freedesktop Secret
 * Service (GNOME Keyring, KWallet) over D-Bus. Opened on first use, so machines that never use it pay nothing.
 * Entries are stored under the service name given (one per data directory), account = the profile field.
 */
public final class OsKeychain implements SecretKeychain {
    private final String service;
    private Keyring keyring;
    private String unavailableReason;

    public OsKeychain(String service) {
        this.service = service;
    }

    @Override
    public synchronized boolean isAvailable() {
        return open() != null;
    }

    @Override
    public synchronized String description() {
        if (open() == null) {
            return unavailableReason;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "macOS Keychain" : os.contains("win") ? "Windows Credential Manager"
                : "Secret Service (GNOME Keyring / KWallet)";
    }

    private Keyring open() {
        if (keyring == null && unavailableReason == null) {
            try {
                Keyring k = Keyring.create();
                // The Secret Service backend "opens" even without a session bus; a read proves it answers.
                k.getPassword(service, "linkdesk-probe");
                keyring = k;
            } catch (PasswordAccessException e) {
                // No such entry: the keychain answered.
                keyring = reopen();
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                unavailableReason = "this system has no keychain Linkdesk can reach (" + plain(e) + ")";
            }
        }
        return keyring;
    }

    private Keyring reopen() {
        try {
            return Keyring.create();
        } catch (BackendNotSupportedException e) {
            unavailableReason = "this system has no keychain Linkdesk can reach (" + plain(e) + ")";
            return null;
        }
    }

    @Override
    public synchronized void put(String account, String secret) {
        Keyring k = require();
        try {
            k.setPassword(service, account, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new KeychainException("The system keychain did not store the secret (" + plain(e) + "). Unlock "
                    + "the keychain, or keep this profile in the Linkdesk vault.", e);
        }
    }

    @Override
    public synchronized Optional<String> get(String account) {
        Keyring k = require();
        try {
            return Optional.ofNullable(k.getPassword(service, account));
        } catch (PasswordAccessException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new KeychainException("The system keychain did not give the secret (" + plain(e) + "). Unlock the "
                    + "keychain and try again.", e);
        }
    }

    @Override
    public synchronized void delete(String account) {
        try {
            require().deletePassword(service, account);
        } catch (PasswordAccessException | RuntimeException e) {
            // Already gone, or the keychain is away: nothing Linkdesk can do about a stale entry.
        }
    }

    private Keyring require() {
        Keyring k = open();
        if (k == null) {
            throw new KeychainException("No system keychain is available: " + unavailableReason + ".", null);
        }
        return k;
    }

    private static String plain(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
