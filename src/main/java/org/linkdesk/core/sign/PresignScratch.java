package org.linkdesk.core.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One thread's reusable presigning state: the date strings of the current second, an HMAC keyed for the current
 * (secret, day, region), the encoded credential, and builders and arrays for parameters and headers.
 */
final class PresignScratch {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String P_ALGORITHM = "X-Amz-Algorithm";
    private static final String P_CREDENTIAL = "X-Amz-Credential";
    private static final String P_DATE = "X-Amz-Date";
    private static final String P_EXPIRES = "X-Amz-Expires";
    private static final String P_TOKEN = "X-Amz-Security-Token";
    private static final String P_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    private static final String ALGORITHM_PARAMETER = P_ALGORITHM + "=" + UriEncoder.encode(SigV4.ALGORITHM);
    private static final String CREDENTIAL_IS = P_CREDENTIAL + "=";
    private static final String DATE_IS = P_DATE + "=";
    private static final String EXPIRES_IS = P_EXPIRES + "=";
    private static final String TOKEN_IS = P_TOKEN + "=";
    private static final String SIGNED_HEADERS_IS = P_SIGNED_HEADERS + "=";

    final StringBuilder canonical = new StringBuilder(1024);
    final StringBuilder url = new StringBuilder(1024);
    /** "AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n": the string to sign before the canonical request's hash. */
    private byte[] stringToSignPrefix;
    private final byte[] hashHex = new byte[64];
    private final char[] signatureHex = new char[64];
    private final MessageDigest sha256;
    private final Mac mac;

    String amzDate;
    String encodedCredential;
    private long second = Long.MIN_VALUE;
    private String dateStamp;
    private String scope;
    private String keySecret;
    private String keyDate;
    private String keyRegion;
    private String credentialId;
    private String credentialScope;
    private String prefixDate;
    private String prefixScope;

    private String[] names = new String[8];
    private String[] values = new String[8];
    private int[] sorted = new int[8];
    private int count;
    String[] headerNames = new String[4];
    String[] headerValues = new String[4];
    int headerCount;

    PresignScratch() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            mac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Brings dates, scope, credential and the keyed HMAC up to date for this signing. */
    void prepare(long epochSecond, AwsCredentials credentials, String region) {
        if (epochSecond != second) {
            second = epochSecond;
            amzDate = SigV4.amzDate(java.time.Instant.ofEpochSecond(epochSecond));
            dateStamp = amzDate.substring(0, 8);
        }
        String secret = credentials.secretAccessKey();
        if (!dateStamp.equals(keyDate) || !region.equals(keyRegion) || !secret.equals(keySecret)) {
            try {
                mac.init(new SecretKeySpec(SigV4.signingKey(secret, dateStamp, region), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            keySecret = secret;
            keyDate = dateStamp;
            keyRegion = region;
            scope = SigV4.scope(dateStamp, region);
        }
        if (stringToSignPrefix == null || !amzDate.equals(prefixDate) || !scope.equals(prefixScope)) {
            prefixDate = amzDate;
            prefixScope = scope;
            stringToSignPrefix = (SigV4.ALGORITHM + '\n' + amzDate + '\n' + scope + '\n').getBytes(StandardCharsets.UTF_8);
        }
        String id = credentials.accessKeyId();
        if (!id.equals(credentialId) || !scope.equals(credentialScope)) {
            credentialId = id;
            credentialScope = scope;
            encodedCredential = UriEncoder.encode(id + "/" + scope);
        }
    }

    void clearParameters() {
        count = 0;
    }

    /** Adds one of the request's own parameters (such as response-content-disposition), already encoded. */
    void addParameter(String encodedName, String encodedValue) {
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            values = Arrays.copyOf(values, count * 2);
            sorted = Arrays.copyOf(sorted, count * 2);
        }
        names[count] = encodedName;
        values[count] = encodedValue;
        count++;
    }

    /**
     * The query in URL order, as the SDK writes it: the request's parameters, the session token, then SigV4's.
     *
     * @param encodedToken   the encoded session token, or null
     * @param encodedHeaders the encoded SignedHeaders value
     */
    void appendQuery(StringBuilder out, String encodedToken, String encodedHeaders, String expires) {
        for (int i = 0; i < count; i++) {
            out.append(names[i]).append('=').append(values[i]).append('&');
        }
        if (encodedToken != null) {
            out.append(TOKEN_IS).append(encodedToken).append('&');
        }
        out.append(ALGORITHM_PARAMETER)
                .append('&').append(DATE_IS).append(amzDate)
                .append('&').append(SIGNED_HEADERS_IS).append(encodedHeaders)
                .append('&').append(CREDENTIAL_IS).append(encodedCredential)
                .append('&').append(EXPIRES_IS).append(expires);
    }

    /**
     * The canonical query string: all parameters sorted by encoded name. SigV4's own are already in sorted order;
     * the request's few are insertion-sorted and merged in, so the usual link needs no comparisons at all.
     */
    void appendCanonicalQuery(StringBuilder out, String encodedToken, String encodedHeaders, String expires) {
        for (int i = 0; i < count; i++) {
            int j = i;
            while (j > 0 && names[sorted[j - 1]].compareTo(names[i]) > 0) {
                sorted[j] = sorted[j - 1];
                j--;
            }
            sorted[j] = i;
        }
        int next = appendBefore(out, 0, P_ALGORITHM);
        out.append(ALGORITHM_PARAMETER).append('&');
        next = appendBefore(out, next, P_CREDENTIAL);
        out.append(CREDENTIAL_IS).append(encodedCredential).append('&');
        next = appendBefore(out, next, P_DATE);
        out.append(DATE_IS).append(amzDate).append('&');
        next = appendBefore(out, next, P_EXPIRES);
        out.append(EXPIRES_IS).append(expires).append('&');
        if (encodedToken != null) {
            next = appendBefore(out, next, P_TOKEN);
            out.append(TOKEN_IS).append(encodedToken).append('&');
        }
        next = appendBefore(out, next, P_SIGNED_HEADERS);
        out.append(SIGNED_HEADERS_IS).append(encodedHeaders);
        for (int i = next; i < count; i++) {
            out.append('&').append(names[sorted[i]]).append('=').append(values[sorted[i]]);
        }
    }

    /** Appends the sorted request parameters from {@code next} on that sort before {@code name}; returns the next. */
    private int appendBefore(StringBuilder out, int next, String name) {
        while (next < count && names[sorted[next]].compareTo(name) < 0) {
            out.append(names[sorted[next]]).append('=').append(values[sorted[next]]).append('&');
            next++;
        }
        return next;
    }

    void clearHeaders() {
        headerCount = 0;
    }

    void addHeader(String lowerCaseName, String canonicalValue) {
        if (headerCount == headerNames.length) {
            headerNames = Arrays.copyOf(headerNames, headerCount * 2);
            headerValues = Arrays.copyOf(headerValues, headerCount * 2);
        }
        headerNames[headerCount] = lowerCaseName;
        headerValues[headerCount] = canonicalValue;
        headerCount++;
    }

    /** Sorts headers by name; a later header of the same name replaces the earlier one. */
    void sortHeaders() {
        for (int i = 1; i < headerCount; i++) {
            String name = headerNames[i];
            String value = headerValues[i];
            int j = i;
            while (j > 0 && headerNames[j - 1].compareTo(name) > 0) {
                headerNames[j] = headerNames[j - 1];
                headerValues[j] = headerValues[j - 1];
                j--;
            }
            headerNames[j] = name;
            headerValues[j] = value;
        }
        int kept = 0;
        for (int i = 0; i < headerCount; i++) {
            if (kept > 0 && headerNames[kept - 1].equals(headerNames[i])) {
                headerValues[kept - 1] = headerValues[i];
            } else {
                headerNames[kept] = headerNames[i];
                headerValues[kept] = headerValues[i];
                kept++;
            }
        }
        headerCount = kept;
    }

    /** Hashes {@link #canonical}, signs the string to sign and appends the hex signature to {@code out}. */
    void appendSignature(StringBuilder out) {
        byte[] canonicalHash = sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 32; i++) {
            hashHex[2 * i] = (byte) HEX[(canonicalHash[i] >> 4) & 0xF];
            hashHex[2 * i + 1] = (byte) HEX[canonicalHash[i] & 0xF];
        }
        mac.update(stringToSignPrefix);
        mac.update(hashHex);
        byte[] signature = mac.doFinal();
        for (int i = 0; i < 32; i++) {
            signatureHex[2 * i] = HEX[(signature[i] >> 4) & 0xF];
            signatureHex[2 * i + 1] = HEX[signature[i] & 0xF];
        }
        out.append(signatureHex);
    }
}
