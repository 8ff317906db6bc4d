package org.linkdesk.core.sign;

import java.time.Instant;
import java.util.Map;

/**
 * A presigned link.
 *
 * @param url           the full URL; a bearer token until it expires, so never log it in full
 * @param method        the method it was signed for
 * @param signedHeaders headers (besides Host) whoever uses the link must send with these exact values
 * @param signedAt      the X-Amz-Date of the signature
 * @param expiresAt     signedAt + X-Amz-Expires
 */
public record PresignedUrl(String url, HttpMethod method, Map<String, String> signedHeaders, Instant signedAt,
                           Instant expiresAt) {

    public PresignedUrl {
        signedHeaders = Map.copyOf(signedHeaders);
    }

    /** The URL with the signature replaced, safe for logs. */
    public String redacted() {
        return redact(url);
    }

    public static String redact(String url) {
        int at = url.indexOf("X-Amz-Signature=");
        String head = at < 0 ? url : url.substring(0, at + "X-Amz-Signature=".length()) + "REDACTED";
        return head.replaceAll("X-Amz-Security-Token=[^&]*", "X-Amz-Security-Token=REDACTED");
    }

    @Override
    public String toString() {
        return "PresignedUrl[" + method + " " + redacted() + ", expiresAt=" + expiresAt + "]";
    }
}
