package org.linkdesk.profiles;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.profiles.awsconfig.AwsConfigReader;
import org.linkdesk.profiles.awsconfig.AwsCredentialSource;
import org.linkdesk.profiles.awsconfig.AwsCredentialsUnavailableException;
import org.linkdesk.profiles.awsconfig.AwsProfile;

/**
 * Resolves the credentials of profiles that refer to an AWS CLI profile, and remembers, per profile id, when the
 * temporary credentials last resolved expire. Thread-safe.
 */
final class AwsProfileCredentials {
    private final AwsCredentialSource source;
    private final Map<Long, CredentialExpiry> knownExpiry = new ConcurrentHashMap<>();

    AwsProfileCredentials(AwsCredentialSource source) {
        this.source = source;
    }

    AwsCredentials resolve(Profile p, AwsConfigFiles files) {
        AwsCredentials creds;
        try {
            creds = source.resolve(p.awsProfile(), files);
        } catch (AwsCredentialsUnavailableException e) {
            throw new AwsCredentialsUnavailableException("AWS CLI profile '" + p.awsProfile() + "': " + e.getMessage()
                    + hint(p, files), e);
        }
        if (creds.expiration() != null) {
            knownExpiry.put(p.id(), new CredentialExpiry(creds.expiration(), expirySource(p, files)));
        } else {
            knownExpiry.remove(p.id());
        }
        return creds;
    }

    /** When the profile's credentials expire, as last resolved in this run. */
    Optional<CredentialExpiry> knownExpiry(long profileId) {
        return Optional.ofNullable(knownExpiry.get(profileId));
    }

    /** Forgets the expiry of a profile that was changed or deleted. */
    void forget(long profileId) {
        knownExpiry.remove(profileId);
    }

    private static String hint(Profile p, AwsConfigFiles files) {
        AwsProfile.Kind kind = awsKind(p, files);
        return kind == AwsProfile.Kind.SSO ? " Run 'aws sso login --profile " + p.awsProfile() + "' and try again."
                : "";
    }

    private static AwsProfile.Kind awsKind(Profile p, AwsConfigFiles files) {
        try {
            return AwsConfigReader.read(files).find(p.awsProfile()).map(AwsProfile::kind)
                    .orElse(AwsProfile.Kind.NONE);
        } catch (RuntimeException e) {
            return AwsProfile.Kind.NONE;
        }
    }

    /** What the profile's temporary credentials depend on, for "… ends at 17:40". */
    private static String expirySource(Profile p, AwsConfigFiles files) {
        return p.isAwsReference() ? awsKind(p, files).expirySource() : "the session token";
    }
}
