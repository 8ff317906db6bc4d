package org.linkdesk.core.sign;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * File names that are safe to save under on any system: what a download name or an upload's local file becomes
 * before it goes into a header, a command or a key.
 */
public final class DownloadFileNames {
    /** Windows refuses these whatever the extension. */
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final int MAX_BYTES = 255;
    public static final String FALLBACK = "download";

    private DownloadFileNames() {
    }

    /**
     * {@code name} made safe: NFC; control, zero-width and bidi-control characters dropped; path separators and the
     * characters Windows forbids ({@code / \ : * ? " < > |}) turned into {@code _}; odd spaces turned into plain
     * ones and runs of them into one; no leading or trailing space or dot; not a Windows device name; at most
     * 255 UTF-8 bytes (the extension kept). An empty result becomes {@value #FALLBACK}.
     */
    public static String safe(String name) {
        String s = safeOrEmpty(name);
        return s.isEmpty() ? FALLBACK : s;
    }

    /** As {@link #safe}, but empty (not {@value #FALLBACK}) when nothing usable is left, as for "." or "..". */
    public static String safeOrEmpty(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(n.length());
        boolean lastSpace = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!lastSpace) {
                    out.append(' ');
                }
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            if ("/\\:*?\"<>|".indexOf(cp) >= 0) {
                out.append('_');
            } else {
                out.appendCodePoint(cp);
            }
        }
        String s = strip(out.toString());
        String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        if (RESERVED.contains(stem.toUpperCase(Locale.ROOT))) {
            s = "_" + s;
        }
        return shorten(s);
    }

    /** Control characters, zero-width characters, the BOM, soft hyphens and bidirectional controls. */
    public static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT
                || cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164;
    }

    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '.')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '.')) {
            to--;
        }
        return s.substring(from, to);
    }

    private static String shorten(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
        String stem = s.substring(0, s.length() - ext.length());
        int budget = MAX_BYTES - ext.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return strip(kept.toString()) + ext;
    }
}
