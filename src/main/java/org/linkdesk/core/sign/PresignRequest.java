package org.linkdesk.core.sign;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to presign.
 *
 * @param method          the HTTP method the link is for
 * @param bucket          the bucket
 * @param key             the object key, taken literally
 * @param expiresIn       how long the link is valid, 1 second to 7 days
 * @param queryParameters extra signed query parameters such as {@code response-content-disposition}, in URL order
 * @param headers         headers the user of the link must send, such as {@code Content-Type} for a PUT
 */
public record PresignRequest(HttpMethod method, String bucket, String key, Duration expiresIn,
                             Map<String, String> queryParameters, Map<String, String> headers) {

    public static final Duration MIN_EXPIRY = Duration.ofSeconds(1);
    public static final Duration MAX_EXPIRY = Duration.ofDays(7);

    public PresignRequest {
        Objects.requireNonNull(method, "method");
        S3Names.requireValidBucket(bucket);
        S3Names.requireValidKey(key);
        requireValidExpiry(expiresIn);
        queryParameters = ordered(queryParameters);
        headers = ordered(headers);
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static PresignRequest of(HttpMethod method, String bucket, String key, Duration expiresIn) {
        return new PresignRequest(method, bucket, key, expiresIn, Map.of(), Map.of());
    }

    public static Duration requireValidExpiry(Duration expiresIn) {
        if (expiresIn == null) {
            throw new InvalidInputException("Choose how long the link stays valid.");
        }
        if (expiresIn.compareTo(MIN_EXPIRY) < 0 || expiresIn.compareTo(MAX_EXPIRY) > 0 || expiresIn.getNano() != 0) {
            throw new InvalidInputException("A link is valid for 1 second to 7 days, in whole seconds (asked: "
                    + Durations.format(expiresIn) + ").");
        }
        return expiresIn;
    }
}
