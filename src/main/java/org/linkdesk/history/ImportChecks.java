package org.linkdesk.history;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.S3Names;

/**
 * What an imported record must satisfy beyond its syntax, so that it is a link Linkdesk could have made: text
 * without NUL or broken Unicode, fields that fit their columns, valid bucket, key, region and endpoint, times in
 * a sane range, and a link on the host of its own bucket and endpoint (a record must not smuggle in a link to
 * somewhere else). Each failure names the field; the parser adds the line.
 */
final class ImportChecks {
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** Column widths of the share table, and sane bounds for the rest. */
    private static final Map<String, Integer> MAX_CHARS = Map.of("profile", 256, "accessKeyId", 256,
            "endpoint", 2048, "region", 64, "recordedEtag", 256, "downloadName", 1024, "responseContentType", 256,
            "cacheControl", 256, "contentType", 256, "recipient", 1024);

    private ImportChecks() {
    }

    /** Why the text of {@code field} cannot be stored, or empty. */
    static Optional<String> textProblem(String field, String value) {
        Integer max = MAX_CHARS.get(field);
        if (max != null && value.length() > max) {
            return Optional.of("is longer than " + max + " characters (" + value.length() + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return Optional.of("contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a broken Unicode character (a lone surrogate)");
            }
        }
        return Optional.empty();
    }

    static Optional<String> timeProblem(Instant t) {
        return t.isBefore(EARLIEST) || t.isAfter(LATEST)
                ? Optional.of("is not between the years 1970 and 9999") : Optional.empty();
    }

    static Optional<String> accessKeyProblem(String accessKeyId) {
        for (int i = 0; i < accessKeyId.length(); i++) {
            char c = accessKeyId.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return Optional.of("must be letters, digits and punctuation without spaces");
            }
        }
        return Optional.empty();
    }

    /** The endpoint the record names (checking region and endpoint), or a problem as {@link InvalidInputException}. */
    static S3Endpoint endpoint(String endpoint, String region) {
        return S3Endpoint.of(endpoint, region, false);
    }

    static Optional<String> bucketProblem(String bucket) {
        return S3Names.bucketProblem(bucket).map(ImportChecks::lowerFirst);
    }

    static Optional<String> keyProblem(String key) {
        return S3Names.keyProblem(key).map(ImportChecks::lowerFirst);
    }

    /**
     * Why {@code url} is not a link to {@code bucket} at {@code endpoint} (null for Amazon S3), or empty. Custom
     * endpoints: the endpoint's host, or the bucket as its sub-domain. Amazon S3: a host under amazonaws.com,
     * with the bucket as sub-domain or first path segment.
     */
    static Optional<String> urlProblem(String url, String bucket, String endpoint) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid link");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("is not an http(s) link");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("has no proper host name");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (endpoint != null) {
            URI e;
            try {
                e = S3Endpoint.parseEndpoint(endpoint);
            } catch (InvalidInputException x) {
                return Optional.of("cannot be checked against the endpoint");
            }
            String expected = e.getHost().toLowerCase(Locale.ROOT);
            if (host.equals(expected) || host.equals(bucket + "." + expected)) {
                return Optional.empty();
            }
            return Optional.of("points to " + host + ", not to the record's endpoint " + expected);
        }
        boolean aws = host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn");
        if (aws && (host.startsWith(bucket + ".") || path.equals("/" + bucket) || path.startsWith("/" + bucket + "/"))) {
            return Optional.empty();
        }
        return Optional.of("points to " + host + ", which is not Amazon S3 for bucket " + bucket
                + " (the record has no endpoint)");
    }

    private static String lowerFirst(String message) {
        String m = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        return "is invalid: " + Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
