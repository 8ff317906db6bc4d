package org.linkdesk.links;

import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;

/**
 * Who signs a link and against which endpoint: a saved profile (id and name), or the environment (id null).
 */
public record SigningIdentity(Long profileId, String profileName, S3Endpoint endpoint, AwsCredentials credentials) {

    @Override
    public String toString() {
        return "SigningIdentity[" + profileName + ", " + endpoint + ", " + credentials.accessKeyId() + "]";
    }
}
