package org.linkdesk.browse;

import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.links.SigningIdentity;

/** Where the browser lists and who it lists as: the chosen profile, credentials decrypted. */
public record BrowseTarget(S3Endpoint endpoint, AwsCredentials credentials, SigningIdentity identity) {

    public static BrowseTarget of(SigningIdentity identity) {
        return new BrowseTarget(identity.endpoint(), identity.credentials(), identity);
    }

    @Override
    public String toString() {
        return "BrowseTarget[" + endpoint + "]";
    }
}
