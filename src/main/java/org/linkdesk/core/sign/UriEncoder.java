package org.linkdesk.core.sign;

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
        while (i < length && isKept(value.charAt(i), keepSlash)) {
            i++;
        }
        if (i == length) {
            return value;
        }
        StringBuilder out = new StringBuilder(length + 2 * (length - i) + 8);
        out.append(value, 0, i);
        appendEncoded(out, value, i, keepSlash);
        return out.toString();
    }

    static void appendEncoded(StringBuilder out, String value, boolean keepSlash) {
        appendEncoded(out, value, 0, keepSlash);
    }

    /**
     * Appends {@code value} from index {@code from} on, encoded; UTF-8 is written by hand to spare a byte array. A
     * broken surrogate becomes {@code %3F} ('?'), as {@code String.getBytes(UTF_8)} and the AWS SDK make it.
     */
    static void appendEncoded(StringBuilder out, String value, int from, boolean keepSlash) {
        int length = value.length();
        for (int i = from; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (isKept(c, keepSlash)) {
                    int run = i + 1;
                    while (run < length && isKept(value.charAt(run), keepSlash)) {
                        run++;
                    }
                    out.append(value, i, run);
                    i = run - 1;
                } else {
                    appendByte(out, c);
                }
            } else if (c < 0x800) {
                appendByte(out, 0xC0 | (c >> 6));
                appendByte(out, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                appendByte(out, 0xF0 | (cp >> 18));
                appendByte(out, 0x80 | ((cp >> 12) & 0x3F));
                appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
                appendByte(out, 0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                appendByte(out, '?');
            } else {
                appendByte(out, 0xE0 | (c >> 12));
                appendByte(out, 0x80 | ((c >> 6) & 0x3F));
                appendByte(out, 0x80 | (c & 0x3F));
            }
        }
    }

    private static boolean isKept(char c, boolean keepSlash) {
        return c < 128 && (UNRESERVED[c] || (keepSlash && c == '/'));
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
}
