package org.linkdesk.core.sign;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * SigV4 query-string presigning for S3, byte-identical to the AWS SDK v2 {@code S3Presigner}: the same URL, the same
 * parameter order, the same signature.
 *
 * <p>Made for bulk use (thousands of links): each thread keeps its date strings, an HMAC already keyed with the
 * signing key of the current day, region and secret, and its builders, so a link costs one SHA-256 and one HMAC
 * and no sorted maps. Thread-safe.
 */
public final class SigV4Presigner {
    /** An anonymous class, not a lambda: a lambda's bootstrap would slow the first link of a fresh JVM. */
    private static final ThreadLocal<PresignScratch> SCRATCH = new ThreadLocal<>() {
        @Override
        protected PresignScratch initialValue() {
            return new PresignScratch();
        }
    };

    private final Clock clock;

    public SigV4Presigner(Clock clock) {
        this.clock = clock;
    }

    public SigV4Presigner() {
        this(Clock.systemUTC());
    }

    public PresignedUrl presign(S3Endpoint endpoint, AwsCredentials credentials, PresignRequest request) {
        return presign(endpoint, credentials, request, Math.floorDiv(clock.millis(), 1000L));
    }

    /** Presigns as of {@code signingTime} (truncated to whole seconds). */
    public PresignedUrl presign(S3Endpoint endpoint, AwsCredentials credentials, PresignRequest request,
                                Instant signingTime) {
        return presign(endpoint, credentials, request, signingTime.getEpochSecond());
    }

    /**
     * Presigns {@code request} for the HTTP method {@code method} instead of its own: for the POST of
     * CompleteMultipartUpload, which is no link to an object and so not a {@link HttpMethod}.
     */
    public PresignedUrl presignAs(String method, S3Endpoint endpoint, AwsCredentials credentials,
                                  PresignRequest request, Instant signingTime) {
        return presign(method, endpoint, credentials, request, signingTime.getEpochSecond());
    }

    private static PresignedUrl presign(S3Endpoint endpoint, AwsCredentials credentials, PresignRequest request,
                                        long epochSecond) {
        return presign(request.method().name(), endpoint, credentials, request, epochSecond);
    }

    private static PresignedUrl presign(String method, S3Endpoint endpoint, AwsCredentials credentials,
                                        PresignRequest request, long epochSecond) {
        String region = endpoint.region();
        PresignScratch s = SCRATCH.get();
        s.prepare(epochSecond, credentials, region);
        S3Address address = endpoint.address(request.bucket(), request.key());
        long expires = request.expiresIn().getSeconds();
        String signedHeaders = canonicalHeaders(s, address, request.headers());

        s.clearParameters();
        for (Map.Entry<String, String> p : request.queryParameters().entrySet()) {
            s.addParameter(UriEncoder.encode(p.getKey()), UriEncoder.encode(p.getValue()));
        }
        String token = credentials.hasSessionToken() ? UriEncoder.encode(credentials.sessionToken()) : null;
        String encodedHeaders = UriEncoder.encode(signedHeaders);
        String expiresText = Long.toString(expires);

        StringBuilder canonical = s.canonical;
        canonical.setLength(0);
        canonical.append(method).append('\n').append(address.encodedPath()).append('\n');
        s.appendCanonicalQuery(canonical, token, encodedHeaders, expiresText);
        canonical.append('\n');
        for (int i = 0; i < s.headerCount; i++) {
            canonical.append(s.headerNames[i]).append(':').append(s.headerValues[i]).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(SigV4.UNSIGNED_PAYLOAD);

        StringBuilder url = s.url;
        url.setLength(0);
        url.append(address.scheme()).append("://").append(address.authority()).append(address.encodedPath()).append('?');
        s.appendQuery(url, token, encodedHeaders, expiresText);
        url.append("&X-Amz-Signature=");
        s.appendSignature(url);

        Instant signedAt = Instant.ofEpochSecond(epochSecond);
        return new PresignedUrl(url.toString(), request.method(), request.headers(), signedAt, signedAt.plusSeconds(expires));
    }

    /** Fills the scratch's canonical headers (host plus the request's, lower-cased, sorted); returns SignedHeaders. */
    private static String canonicalHeaders(PresignScratch s, S3Address address, Map<String, String> headers) {
        s.clearHeaders();
        s.addHeader("host", address.authority());
        if (headers.isEmpty()) {
            return "host";
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            s.addHeader(h.getKey().toLowerCase(Locale.ROOT), SigV4.canonicalHeaderValue(h.getValue()));
        }
        s.sortHeaders();
        StringBuilder names = new StringBuilder(32);
        for (int i = 0; i < s.headerCount; i++) {
            names.append(i == 0 ? "" : ";").append(s.headerNames[i]);
        }
        return names.toString();
    }
}
