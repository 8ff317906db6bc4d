package org.linkdesk.core.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SigV4 primitives shared by the query presigner, the header signer and the POST policy signer. */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String SERVICE = "s3";

    private static final HexFormat HEX = HexFormat.of();
    // Anonymous classes rather than lambdas, and KeyId's hand-written equals/hashCode rather than a record's:
    // their bootstraps would add tens of milliseconds to the first link of a fresh JVM (the CLI's case).
    private static final ThreadLocal<MessageDigest> SHA256 = new ThreadLocal<>() {
        @Override
        protected MessageDigest initialValue() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    };
    private static final ThreadLocal<Mac> HMAC = new ThreadLocal<>() {
        @Override
        protected Mac initialValue() {
            try {
                return Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    };
    private static final int MAX_CACHED_KEYS = 64;
    private static final Map<KeyId, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();

    private static final class KeyId {
        private final String secret;
        private final String date;
        private final String region;

        KeyId(String secret, String date, String region) {
            this.secret = secret;
            this.date = date;
            this.region = region;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyId k && secret.equals(k.secret) && date.equals(k.date) && region.equals(k.region);
        }

        @Override
        public int hashCode() {
            return (secret.hashCode() * 31 + date.hashCode()) * 31 + region.hashCode();
        }

        @Override
        public String toString() {
            return "KeyId[" + date + "/" + region + "]";
        }
    }

    private SigV4() {
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, for years 0 to 9999. */
    public static String amzDate(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9_999) {
            throw new IllegalArgumentException("SigV4 dates have four-digit years: " + instant);
        }
        char[] c = new char[16];
        digits(c, 0, t.getYear(), 4);
        digits(c, 4, t.getMonthValue(), 2);
        digits(c, 6, t.getDayOfMonth(), 2);
        c[8] = 'T';
        digits(c, 9, t.getHour(), 2);
        digits(c, 11, t.getMinute(), 2);
        digits(c, 13, t.getSecond(), 2);
        c[15] = 'Z';
        return new String(c);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static String scope(String dateStamp, String region) {
        return dateStamp + "/" + region + "/" + SERVICE + "/aws4_request";
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        MessageDigest md = SHA256.get();
        md.reset();
        return HEX.formatHex(md.digest(bytes));
    }

    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
    }

    /** Hex HMAC of {@code stringToSign} with the signing key for date and region. */
    public static String signature(String secret, String dateStamp, String region, String stringToSign) {
        byte[] key = signingKey(secret, dateStamp, region);
        return HEX.formatHex(hmac(key, stringToSign));
    }

    /**
     * A header value as the canonical request has it: leading and trailing whitespace removed, each run of inner
     * whitespace (space, tab, CR, LF, VT, FF) replaced by one space, the same rule as the AWS SDK's signer.
     */
    public static String canonicalHeaderValue(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        boolean clean = true;
        for (int i = start; i < end && clean; i++) {
            char c = value.charAt(i);
            clean = c != ' ' ? !isWhitespace(c) : !isWhitespace(value.charAt(i + 1));
        }
        if (clean) {
            return start == 0 && end == value.length() ? value : value.substring(start, end);
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (!isWhitespace(c)) {
                sb.append(c);
            } else if (!isWhitespace(value.charAt(i - 1))) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
    }

    static byte[] signingKey(String secret, String dateStamp, String region) {
        KeyId id = new KeyId(secret, dateStamp, region);
        byte[] key = SIGNING_KEYS.get(id);
        if (key == null) {
            byte[] kDate = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), dateStamp);
            byte[] kRegion = hmac(kDate, region);
            byte[] kService = hmac(kRegion, SERVICE);
            key = hmac(kService, "aws4_request");
            if (SIGNING_KEYS.size() >= MAX_CACHED_KEYS) {
                SIGNING_KEYS.clear();
            }
            SIGNING_KEYS.put(id, key);
        }
        return key;
    }

    static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
