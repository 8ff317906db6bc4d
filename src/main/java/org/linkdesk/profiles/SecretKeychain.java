package org.linkdesk.profiles;

import java.util.Optional;

/** A place outside Linkdesk's database for secrets: the operating system's keychain. */
public interface SecretKeychain {

    /** Whether this machine has a keychain Linkdesk can use now (checked lazily, once). */
    boolean isAvailable();

    /** For people: "macOS Keychain", "Secret Service", "Windows Credential Manager", or why there is none. */
    String description();

    /** @throws KeychainException when the keychain refuses (locked, denied, gone) */
    void put(String account, String secret);

    Optional<String> get(String account);

    /** Removes the entry; nothing happens when there is none. */
    void delete(String account);

    /** A keychain that is never available, for machines without one. */
    static SecretKeychain none(String why) {
        return new SecretKeychain() {
            @Override
            public boolean isAvailable() {
                return false;
            }

            @Override
            public String description() {
                return why;
            }

            @Override
            public void put(String account, String secret) {
                throw new KeychainException("No system keychain is available: " + why, null);
            }

            @Override
            public Optional<String> get(String account) {
                throw new KeychainException("No system keychain is available: " + why, null);
            }

            @Override
            public void delete(String account) {
                // nothing stored, nothing to remove
            }
        };
    }
}
