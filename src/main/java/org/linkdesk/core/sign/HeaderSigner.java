package org.linkdesk.core.sign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** SigV4 header signing (Authorization header) for the calls Linkdesk makes itself: HEAD, listings, uploads. */
public final class HeaderSigner {

    private HeaderSigner() {
    }

    /**
     * Signs a request with an empty body.
     *
     * @param method      HTTP method
     * @param address     the target; its authority is signed as the Host header
     * @param query       query parameters (raw, not yet encoded); may be empty
     * @param credentials who signs
     * @param region      the signing region
     * @param now         the signing time
     * @return the headers to send besides Host, in a stable order, including {@code Authorization}
     */
    public static Map<String, String> sign(String method, S3Address address, Map<String, String> query,
                                           AwsCredentials credentials, String region, Instant now) {
        return sign(method, address, query, Map.of(), SigV4.EMPTY_SHA256, credentials, region, now);
    }

    /**
     * Signs a request that carries a body or extra headers.
     *
     * @param extraHeaders headers to send and sign (e.g. {@code Content-MD5}, {@code Content-Type}); names any case
     * @param payloadHash  hex SHA-256 of the body, or {@link SigV4#UNSIGNED_PAYLOAD} for a streamed body
     * @return the headers to send besides Host (the extra headers included, names lower-cased)
     */
    public static Map<String, String> sign(String method, S3Address address, Map<String, String> query,
                                           Map<String, String> extraHeaders, String payloadHash,
                                           AwsCredentials credentials, String region, Instant now) {
        String amzDate = SigV4.amzDate(now.truncatedTo(ChronoUnit.SECONDS));
        String dateStamp = amzDate.substring(0, 8);
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", address.authority());
        extraHeaders.forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("x-amz-date", amzDate);
        if (credentials.hasSessionToken()) {
            headers.put("x-amz-security-token", credentials.sessionToken());
        }
        String signedHeaders = String.join(";", headers.keySet());
        StringBuilder canonical = new StringBuilder(512).append(method).append('\n').append(address.encodedPath()).append('\n');
        canonical.append(canonicalQuery(query)).append('\n');
        headers.forEach((k, v) -> canonical.append(k).append(':').append(SigV4.canonicalHeaderValue(v)).append('\n'));
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String scope = SigV4.scope(dateStamp, region);
        String signature = SigV4.signature(credentials.secretAccessKey(), dateStamp, region,
                SigV4.stringToSign(amzDate, scope, canonical.toString()));
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equals("host")) {
                out.put(k, v);
            }
        });
        out.put("authorization", SigV4.ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return out;
    }

    /** The canonical (sorted, encoded) query string; also the query to put on the wire. */
    public static String canonicalQuery(Map<String, String> query) {
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((k, v) -> sorted.put(UriEncoder.encode(k), UriEncoder.encode(v == null ? "" : v)));
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }
}
