package org.linkdesk.core.sign;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * One randomly generated presigning case of the differential test: everything both signers need.
 *
 * @param seed           the run's seed
 * @param index          the case number within the run; {@code RandomPresignCases.generate(seed, index)} recreates it
 * @param endpointUrl    a custom endpoint URL, or null for Amazon S3
 * @param region         the signing region
 * @param forcePathStyle the user's path-style setting
 * @param bucket         the bucket
 * @param key            the object key
 * @param options        method, lifetime and overrides, as the app stores them
 * @param credentials    synthetic test credentials (never real ones)
 * @param signingTime    the signing instant
 */
record PresignCase(long seed, int index, String endpointUrl, String region, boolean forcePathStyle, String bucket,
                   String key, LinkOptions options, AwsCredentials credentials, Instant signingTime) {

    S3Endpoint endpoint() {
        return S3Endpoint.of(endpointUrl, region, forcePathStyle);
    }

    PresignRequest request() {
        return options.toRequest(bucket, key, options.expiresIn());
    }

    /**
     * Whether the SDK must be told to use path style to match our rule: path style for localhost and IP hosts. (The
     * SDK picks path style for IP hosts itself, except for a dotted bucket over http, where it makes up a host name
     * such as {@code my.bucket.10.1.2.3}, or fails for IPv6.)
     */
    boolean sdkPathStyle() {
        if (forcePathStyle || endpointUrl == null) {
            return forcePathStyle;
        }
        String host = S3Endpoint.parseEndpoint(endpointUrl).getHost();
        return host.equalsIgnoreCase("localhost") || host.matches("[0-9.]+") || host.startsWith("[");
    }

    /**
     * The endpoint URL handed to the SDK, normalised the two ways {@link S3Endpoint} deliberately differs:
     * <ul>
     * <li>the host is lower-cased. The SDK keeps {@code MinIO.Example.COM} as typed and signs that Host value, but
     * browsers lower-case host names before sending them, so such a link would fail against a server that checks
     * the Host it receives.</li>
     * <li>trailing slashes are dropped. With a base path ending in '/', the SDK merges that slash with the leading
     * '/' of a key such as {@code /a.txt} and so signs a URL for another object, {@code a.txt}.</li>
     * </ul>
     */
    String sdkEndpointUrl() {
        if (endpointUrl == null) {
            return null;
        }
        String authority = URI.create(endpointUrl).getRawAuthority();
        return endpointUrl.replace(authority, authority.toLowerCase(Locale.ROOT)).replaceAll("/+$", "");
    }

    String describe() {
        return "seed=" + seed + " index=" + index
                + "\n  method=" + options.method() + " expiresIn=" + options.expiresIn().getSeconds() + "s signingTime=" + signingTime
                + "\n  endpoint=" + (endpointUrl == null ? "aws" : endpointUrl) + " region=" + region
                + " forcePathStyle=" + forcePathStyle + " (SDK pathStyleAccessEnabled=" + sdkPathStyle() + ")"
                + "\n  bucket=" + bucket
                + "\n  key=" + escape(key)
                + "\n  downloadName=" + escape(options.downloadName()) + " inline=" + options.inline()
                + " responseContentType=" + escape(options.responseContentType())
                + " cacheControl=" + escape(options.cacheControl()) + " contentType=" + escape(options.contentType())
                + "\n  accessKeyId=" + credentials.accessKeyId() + " secret=" + credentials.secretAccessKey()
                + " sessionToken=" + credentials.sessionToken();
    }

    /** Java-literal style, so tabs, quotes and non-ASCII characters are visible. */
    static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp >= 0x20 && cp < 0x7f) {
                sb.append((char) cp);
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                for (char c : Character.toChars(cp)) {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        });
        return sb.append('"').toString();
    }
}
