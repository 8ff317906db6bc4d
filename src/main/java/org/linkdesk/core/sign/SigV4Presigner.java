package org.linkdesk.core.sign;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SigV4 query-string presigning for S3, byte-identical to the AWS SDK v2 {@code S3Presigner}: the same URL, the same
 * parameter order, the same signature.
 */
public final class SigV4Presigner {
    private static final String P_ALGORITHM = "X-Amz-Algorithm";
    private static final String P_DATE = "X-Amz-Date";
    private static final String P_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    private static final String P_CREDENTIAL = "X-Amz-Credential";
    private static final String P_EXPIRES = "X-Amz-Expires";
    private static final String P_TOKEN = "X-Amz-Security-Token";
    private static final String P_SIGNATURE = "X-Amz-Signature";

    private final Clock clock;

    public SigV4Presigner(Clock clock) {
        this.clock = clock;
    }

    public SigV4Presigner() {
        this(Clock.systemUTC());
    }

    public PresignedUrl presign(S3Endpoint endpoint, AwsCredentials credentials, PresignRequest request) {
        return presign(endpoint, credentials, request, clock.instant());
    }

    /** Presigns as of {@code signingTime} (truncated to whole seconds). */
    public PresignedUrl presign(S3Endpoint endpoint, AwsCredentials credentials, PresignRequest request,
                                Instant signingTime) {
        Instant now = signingTime.truncatedTo(ChronoUnit.SECONDS);
        String amzDate = SigV4.amzDate(now);
        String dateStamp = amzDate.substring(0, 8);
        String region = endpoint.region();
        S3Address address = endpoint.address(request.bucket(), request.key());
        String expires = Long.toString(request.expiresIn().getSeconds());
        String credential = credentials.accessKeyId() + "/" + SigV4.scope(dateStamp, region);

        // Canonical headers: host plus what the caller must send, lower-cased and sorted.
        TreeMap<String, String> canonicalHeaders = new TreeMap<>();
        canonicalHeaders.put("host", address.authority());
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            canonicalHeaders.put(h.getKey().toLowerCase(Locale.ROOT), SigV4.canonicalHeaderValue(h.getValue()));
        }
        String signedHeaders = String.join(";", canonicalHeaders.keySet());

        // Query parameters, each encoded once; the canonical query string sorts them by encoded name.
        TreeMap<String, String> canonicalQuery = new TreeMap<>();
        StringBuilder url = new StringBuilder(address.baseUrl().length() + 512).append(address.baseUrl()).append('?');
        for (Map.Entry<String, String> p : request.queryParameters().entrySet()) {
            addParameter(canonicalQuery, url, p.getKey(), p.getValue());
        }
        if (credentials.hasSessionToken()) {
            addParameter(canonicalQuery, url, P_TOKEN, credentials.sessionToken());
        }
        addParameter(canonicalQuery, url, P_ALGORITHM, SigV4.ALGORITHM);
        addParameter(canonicalQuery, url, P_DATE, amzDate);
        addParameter(canonicalQuery, url, P_SIGNED_HEADERS, signedHeaders);
        addParameter(canonicalQuery, url, P_CREDENTIAL, credential);
        addParameter(canonicalQuery, url, P_EXPIRES, expires);

        StringBuilder canonical = new StringBuilder(1024);
        canonical.append(request.method().name()).append('\n')
                .append(address.encodedPath()).append('\n');
        boolean first = true;
        for (Map.Entry<String, String> q : canonicalQuery.entrySet()) {
            if (!first) {
                canonical.append('&');
            }
            first = false;
            canonical.append(q.getKey()).append('=').append(q.getValue());
        }
        canonical.append('\n');
        for (Map.Entry<String, String> h : canonicalHeaders.entrySet()) {
            canonical.append(h.getKey()).append(':').append(h.getValue()).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(SigV4.UNSIGNED_PAYLOAD);

        String stringToSign = SigV4.stringToSign(amzDate, SigV4.scope(dateStamp, region), canonical.toString());
        String signature = SigV4.signature(credentials.secretAccessKey(), dateStamp, region, stringToSign);
        url.append('&').append(P_SIGNATURE).append('=').append(signature);

        return new PresignedUrl(url.toString(), request.method(), request.headers(), now,
                now.plusSeconds(request.expiresIn().getSeconds()));
    }

    private static void addParameter(TreeMap<String, String> canonical, StringBuilder url, String name, String value) {
        String n = UriEncoder.encode(name);
        String v = UriEncoder.encode(value);
        canonical.put(n, v);
        if (url.charAt(url.length() - 1) != '?') {
            url.append('&');
        }
        url.append(n).append('=').append(v);
    }
}
