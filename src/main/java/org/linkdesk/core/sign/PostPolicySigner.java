package org.linkdesk.core.sign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * SigV4 signing of a browser POST policy: the string to sign is the base64 policy document itself, signed with the
 * day's signing key ({@code hex(HMAC(signingKey, base64Policy))}).
 */
public final class PostPolicySigner {

    private PostPolicySigner() {
    }

    /** The fields a SigV4 POST form carries for these credentials at {@code now}. */
    public record Credential(String algorithm, String credential, String amzDate, String securityToken) {
    }

    /** The {@code x-amz-algorithm}, {@code x-amz-credential}, {@code x-amz-date} (and token) for a policy. */
    public static Credential credential(AwsCredentials credentials, String region, Instant now) {
        String amzDate = SigV4.amzDate(now.truncatedTo(ChronoUnit.SECONDS));
        String scope = SigV4.scope(amzDate.substring(0, 8), region);
        return new Credential(SigV4.ALGORITHM, credentials.accessKeyId() + "/" + scope, amzDate,
                credentials.sessionToken());
    }

    /** {@code x-amz-signature}: hex HMAC-SHA256 of the base64 policy with the signing key of the policy's date. */
    public static String signature(AwsCredentials credentials, String region, String amzDate, String base64Policy) {
        return SigV4.signature(credentials.secretAccessKey(), amzDate.substring(0, 8), region, base64Policy);
    }
}
