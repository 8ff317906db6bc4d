package org.linkdesk.core.sign;

import java.time.Instant;
import java.util.Objects;

/**
 * Credentials used to sign a request. The secret and the session token are never printed by {@link #toString()}.
 *
 * @param accessKeyId     the public access key id
 * @param secretAccessKey the secret key
 * @param sessionToken    the session token of temporary credentials, or {@code null}
 * @param expiration      when temporary credentials stop working, or {@code null} when unknown or permanent
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank()) {
            throw new InvalidInputException("The access key id is empty.");
        }
        if (secretAccessKey.isEmpty()) {
            throw new InvalidInputException("The secret access key is empty.");
        }
        if (sessionToken != null && sessionToken.isBlank()) {
            sessionToken = null;
        }
    }

    public static AwsCredentials of(String accessKeyId, String secretAccessKey) {
        return new AwsCredentials(accessKeyId, secretAccessKey, null, null);
    }

    public boolean hasSessionToken() {
        return sessionToken != null;
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****"
                + (sessionToken != null ? ", sessionToken=****" : "")
                + (expiration != null ? ", expiration=" + expiration : "") + "]";
    }
}
