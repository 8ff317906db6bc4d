package org.linkdesk.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's yardstick: a minimal straight-line SigV4 presigner for one case only (GET, Amazon S3
 * virtual-hosted style, no session token, no extra parameters), with a cached signing key, reused {@link Mac},
 * {@link MessageDigest} and {@link StringBuilder}s. Not thread-safe. It produces the same URLs as Linkdesk's
 * {@code SigV4Presigner} and the SDK (the benchmark checks that before measuring).
 */
final class BareSigV4Presigner {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private final String accessKeyId;
    private final String secret;
    private final String region;
    private final Mac mac;
    private final MessageDigest sha256;
    private final StringBuilder path = new StringBuilder(256);
    private final StringBuilder canonical = new StringBuilder(1024);
    private final StringBuilder stringToSign = new StringBuilder(256);
    private final StringBuilder url = new StringBuilder(1024);
    private long cachedSecond = Long.MIN_VALUE;
    private long cachedDay = Long.MIN_VALUE;
    private String amzDate;
    private String credential;
    private String scope;

    BareSigV4Presigner(String accessKeyId, String secret, String region) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.region = region;
        try {
            mac = Mac.getInstance("HmacSHA256");
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String presignGet(String bucket, String key, long expiresSeconds, long epochSecond) {
        updateDate(epochSecond);
        path.setLength(0);
        path.append('/');
        encode(key, path);
        String host = bucket + ".s3." + region + ".amazonaws.com";

        canonical.setLength(0);
        canonical.append("GET\n").append(path).append('\n')
                .append("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=").append(credential)
                .append("&X-Amz-Date=").append(amzDate)
                .append("&X-Amz-Expires=").append(expiresSeconds)
                .append("&X-Amz-SignedHeaders=host\nhost:").append(host)
                .append("\n\nhost\nUNSIGNED-PAYLOAD");
        byte[] canonicalHash = sha256.digest(canonical.toString().getBytes(StandardCharsets.ISO_8859_1));

        stringToSign.setLength(0);
        stringToSign.append("AWS4-HMAC-SHA256\n").append(amzDate).append('\n').append(scope).append('\n');
        appendHex(canonicalHash, stringToSign);
        byte[] signature = mac.doFinal(stringToSign.toString().getBytes(StandardCharsets.ISO_8859_1));

        url.setLength(0);
        url.append("https://").append(host).append(path)
                .append("?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=").append(amzDate)
                .append("&X-Amz-SignedHeaders=host&X-Amz-Credential=").append(credential)
                .append("&X-Amz-Expires=").append(expiresSeconds)
                .append("&X-Amz-Signature=");
        appendHex(signature, url);
        return url.toString();
    }

    private void updateDate(long epochSecond) {
        if (epochSecond == cachedSecond) {
            return;
        }
        cachedSecond = epochSecond;
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        amzDate = String.format("%04d%02d%02dT%02d%02d%02dZ", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
        long day = Math.floorDiv(epochSecond, 86_400);
        if (day != cachedDay) {
            cachedDay = day;
            String dateStamp = amzDate.substring(0, 8);
            scope = dateStamp + "/" + region + "/s3/aws4_request";
            credential = accessKeyId + "%2F" + dateStamp + "%2F" + region + "%2Fs3%2Faws4_request";
            byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), dateStamp);
            key = hmac(key, region);
            key = hmac(key, "s3");
            key = hmac(key, "aws4_request");
            try {
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 unreserved characters and '/' stay, every other UTF-8 byte is %XX. */
    private static void encode(String key, StringBuilder out) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
                out.append(c);
            } else if (c < 0x80) {
                appendPercent(c, out);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < key.length() ? i + 2 : i + 1;
                for (byte b : key.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendPercent(b & 0xFF, out);
                }
                i = end - 1;
            }
        }
    }

    private static void appendPercent(int b, StringBuilder out) {
        out.append('%').append(HEX_UPPER[b >> 4]).append(HEX_UPPER[b & 0xF]);
    }

    private static void appendHex(byte[] bytes, StringBuilder out) {
        for (byte b : bytes) {
            out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }
}
