package org.linkdesk.links;

import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.profiles.Profile;

/**
 * Who signs a link and against which endpoint: a saved profile (id and name), or the environment (id null).
 */
public record SigningIdentity(Long profileId, String profileName, S3Endpoint endpoint, AwsCredentials credentials) {

    /** A saved profile's identity with its decrypted credentials. */
    public static SigningIdentity of(Profile profile, AwsCredentials credentials) {
        return new SigningIdentity(profile.id(), profile.name(), profile.endpoint(), credentials);
    }

    @Override
    public String toString() {
        return "SigningIdentity[" + profileName + ", " + endpoint + ", " + credentials.accessKeyId() + "]";
    }
}
