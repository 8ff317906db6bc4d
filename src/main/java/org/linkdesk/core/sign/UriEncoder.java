package org.linkdesk.core.sign;

import java.nio.charset.StandardCharsets;

/** Percent-encoding as SigV4 and S3 expect it: UTF-8, every byte outside RFC 3986 "unreserved" encoded, upper-case hex. */
public final class UriEncoder {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['~'] = true;
    }

    private UriEncoder() {
    }

    /** Encodes a query parameter name or value (a {@code /} is encoded too). */
    public static String encode(String value) {
        return encode(value, false);
    }

    /** Encodes an object key or path, keeping each {@code /} as it is. */
    public static String encodePath(String value) {
        return encode(value, true);
    }

    static String encode(String value, boolean keepSlash) {
        int length = value.length();
        int i = 0;
        while (i < length) {
            char c = value.charAt(i);
            if (c >= 128 || !(UNRESERVED[c] || (keepSlash && c == '/'))) {
                break;
            }
            i++;
        }
        if (i == length) {
            return value;
        }
        StringBuilder out = new StringBuilder(length + 16);
        out.append(value, 0, i);
        appendEncoded(out, value.substring(i), keepSlash);
        return out.toString();
    }

    static void appendEncoded(StringBuilder out, String value, boolean keepSlash) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 128 && (UNRESERVED[c] || (keepSlash && c == '/'))) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }
}
