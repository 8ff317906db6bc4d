package org.linkdesk.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.links.SigningIdentity;

/**
 * Signing credentials and endpoint from the standard AWS environment variables, for when no {@code --profile} is
 * given.
 */
public final class EnvironmentIdentity {
    /** The profile name recorded in the history for links signed with environment credentials. */
    public static final String NAME = "environment";
    public static final String DEFAULT_REGION = "us-east-1";
    private static final int MAX_ACCESS_KEY_ID_LENGTH = 128;

    private EnvironmentIdentity() {
    }

    public static SigningIdentity resolve(Map<String, String> env, boolean forcePathStyle) {
        String accessKeyId = value(env, "AWS_ACCESS_KEY_ID");
        String secret = value(env, "AWS_SECRET_ACCESS_KEY");
        if (accessKeyId == null) {
            throw new InvalidInputException("No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                    + "or use a saved profile with --profile NAME.");
        }
        if (secret == null) {
            throw new InvalidInputException("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both.");
        }
        if (accessKeyId.length() > MAX_ACCESS_KEY_ID_LENGTH
                || accessKeyId.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new InvalidInputException("AWS_ACCESS_KEY_ID is not an access key id (at most "
                    + MAX_ACCESS_KEY_ID_LENGTH + " characters, no spaces).");
        }
        AwsCredentials credentials = new AwsCredentials(accessKeyId, secret, value(env, "AWS_SESSION_TOKEN"),
                expiration(value(env, "AWS_CREDENTIAL_EXPIRATION")));
        return new SigningIdentity(null, NAME, endpoint(env, forcePathStyle), credentials);
    }

    /** {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else us-east-1. */
    public static String region(Map<String, String> env) {
        String region = value(env, "AWS_REGION");
        if (region == null) {
            region = value(env, "AWS_DEFAULT_REGION");
        }
        return region == null ? DEFAULT_REGION : region;
    }

    /** {@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL}, else Amazon S3 in {@link #region}. */
    public static S3Endpoint endpoint(Map<String, String> env, boolean forcePathStyle) {
        String url = value(env, "AWS_ENDPOINT_URL_S3");
        if (url == null) {
            url = value(env, "AWS_ENDPOINT_URL");
        }
        return S3Endpoint.of(url, region(env), forcePathStyle);
    }

    /** {@code AWS_CREDENTIAL_EXPIRATION} as the AWS CLI's {@code export-credentials} writes it, or null. */
    private static Instant expiration(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("AWS_CREDENTIAL_EXPIRATION is not a time like 2025-01-31T12:00:00Z (got '"
                    + text + "').");
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
