package org.linkdesk.profiles;

/** Where a profile's secret access key (and session token) are kept. */
public enum SecretStorage {
    /** Encrypted in Linkdesk's database with the master password. */
    VAULT("Linkdesk vault (master password)"),
    /** In the operating system's keychain (macOS Keychain, Windows Credential Manager, Secret Service). */
    KEYCHAIN("System keychain"),
    /** Nowhere: the profile refers to an AWS CLI profile, whose credentials are resolved when a link is made. */
    AWS_CLI("AWS CLI profile (nothing stored)");

    private final String label;

    SecretStorage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
