package org.linkdesk.profiles;

import java.nio.file.Path;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.profiles.awsconfig.AwsCredentialSource;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;

/**
 * Run in a child JVM inside {@code dbus-run-session} with an unlocked gnome-keyring: a profile kept in the real
 * Secret Service, read back, then moved into the vault. Prints one "name=value" line per fact.
 */
public final class SecretServiceProbe {
    private SecretServiceProbe() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        OsKeychain keychain = new OsKeychain("Linkdesk test " + dir);
        System.out.println("available=" + keychain.isAvailable());
        System.out.println("description=" + keychain.description());
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create("probe password".toCharArray());
            ProfileService profiles = new ProfileService(db, vault, keychain, AwsCredentialSource.sdk(),
                    new AwsConfigFiles(dir.resolve("c"), dir.resolve("f")));
            Profile p = profiles.create(new ProfileDraft("in-keychain", "AKIAKEYCHAIN", "keychainSecret", null,
                    false, "us-east-1", null, false, null, null, SecretStorage.KEYCHAIN));
            String account = ProfileSecrets.account(p.id(), "secret");
            System.out.println("stored=" + keychain.get(account).orElse("-"));
            System.out.println("resolved=" + profiles.credentials(p).secretAccessKey());
            profiles.update(p.id(), new ProfileDraft("in-keychain", "AKIAKEYCHAIN", null, null, true, "us-east-1",
                    null, false, null, null, SecretStorage.VAULT));
            System.out.println("afterMove=" + keychain.get(account).orElse("-"));
            System.out.println("fromVault=" + profiles.credentials(profiles.find(p.id()).orElseThrow())
                    .secretAccessKey());
        }
        System.out.flush();
        System.exit(0);
    }
}
