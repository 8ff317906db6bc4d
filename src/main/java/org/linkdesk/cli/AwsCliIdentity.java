package org.linkdesk.cli;

import java.util.Map;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.profiles.awsconfig.AwsConfigReader;
import org.linkdesk.profiles.awsconfig.AwsCredentialSource;
import org.linkdesk.profiles.awsconfig.AwsProfile;

/** Signing with an AWS CLI profile by reference: region and endpoint from ~/.aws, credentials from the AWS SDK. */
final class AwsCliIdentity {
    /** The history records such links under this prefix and the AWS profile name. */
    static final String PREFIX = "aws:";

    record Resolved(SigningIdentity identity, String credentialSource) {
    }

    private AwsCliIdentity() {
    }

    static Resolved resolve(String name, Map<String, String> env, boolean forcePathStyle) {
        AwsConfigFiles files = AwsConfigFiles.locate(env, System.getProperty("user.home"));
        AwsProfile profile = AwsConfigReader.read(files).find(name).orElseThrow(() -> new CliException(
                ExitCodes.NOT_FOUND, "There is no AWS CLI profile named \"" + name + "\" in " + files.config()
                + " or " + files.credentials() + "."));
        String region = profile.region() != null ? profile.region() : EnvironmentIdentity.region(env);
        S3Endpoint endpoint = profile.endpointUrl() != null
                ? S3Endpoint.of(profile.endpointUrl(), region, forcePathStyle || profile.pathStyle())
                : S3Endpoint.of(env.getOrDefault("AWS_ENDPOINT_URL_S3", env.get("AWS_ENDPOINT_URL")), region,
                forcePathStyle || profile.pathStyle());
        AwsCredentials credentials;
        try {
            credentials = AwsCredentialSource.sdk().resolve(name, files);
        } catch (RuntimeException e) {
            String hint = profile.kind() == AwsProfile.Kind.SSO
                    ? " Run 'aws sso login --profile " + name + "' and try again." : "";
            throw new CliException(ExitCodes.UNAVAILABLE, "AWS CLI profile '" + name + "': " + e.getMessage() + hint);
        }
        String source = credentials.expiration() == null ? null : profile.kind().expirySource();
        return new Resolved(new SigningIdentity(null, PREFIX + name, endpoint, credentials), source);
    }
}
