package org.linkdesk.profiles;

import java.util.List;
import java.util.Optional;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;

/** Creates, changes and reads credential profiles; secrets go through the vault. */
public final class ProfileService {
    public ProfileService(Database database, Vault vault) {
    }

    /** All profiles by name. */
    public List<Profile> list() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Optional<Profile> find(String name) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Optional<Profile> find(long id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @throws InvalidInputException with the first problem, or when the name is taken */
    public Profile create(ProfileDraft draft) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Profile update(long id, ProfileDraft draft) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Deletes the profile; past shares keep its name. */
    public void delete(long id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The profile's credentials, decrypted; needs the vault unlocked. */
    public AwsCredentials credentials(Profile profile) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
