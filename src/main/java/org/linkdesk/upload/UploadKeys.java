package org.linkdesk.upload;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.linkdesk.core.sign.InvalidInputException;

/**
 * Object keys built from local file names. Each path segment is NFC-normalised, loses control and invisible
 * characters (zero-width, bidi controls, BOM), has NBSP and other odd spaces made plain, is trimmed, and {@code .}
 * and {@code ..} segments are dropped; {@code /} appears only between the folder names of the local structure.
 * The same rules as the hand-over issue's key sanitiser ({@code org.linkdesk.handover.KeyNames}); to be merged.
 */
public final class UploadKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploadKeys() {
    }

    /** One file or folder name made safe as a key segment; empty when nothing usable is left. */
    public static String segment(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (cp == '/' || cp == '\\') {
                out.append('_');
            } else if (Character.isSpaceChar(cp) || cp == '\t') {
                out.append(' ');
            } else if (!invisible(cp)) {
                out.appendCodePoint(cp);
            }
        });
        String s = out.toString().strip().replaceAll(" {2,}", " ");
        return s.equals(".") || s.equals("..") ? "" : s;
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || cp == 0x034F || (cp >= 0x180B && cp <= 0x180E) || (cp >= 0xFE00 && cp <= 0xFE0F);
    }

    /**
     * The key of {@code relative} (a path below the folder the user picked, or just the file name) under
     * {@code prefix} (kept as the user gave it; a {@code /} is added when missing).
     */
    public static String key(String prefix, Path relative) {
        List<String> segments = new ArrayList<>();
        for (Path part : relative) {
            String s = segment(part.toString());
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        if (segments.isEmpty()) {
            throw new InvalidInputException("'" + relative + "' has no characters usable in an object key.");
        }
        String base = prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        return base + String.join("/", segments);
    }

    /** {@code name (n).ext}: the " (n)" goes before the extension of the last segment. */
    public static String numbered(String key, int n) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        String suffix = " (" + n + ")";
        if (dot <= slash + 1) {
            return key + suffix;
        }
        return key.substring(0, dot) + suffix + key.substring(dot);
    }

    /** A unique prefix segment for {@code kind}: {@code 2026-12-04/} or 12 random hex digits and {@code /}. */
    public static String uniquePrefix(UniquePrefix kind, Instant now) {
        return switch (kind) {
            case NONE -> "";
            case DATE -> LocalDate.ofInstant(now, ZoneOffset.UTC) + "/";
            case RANDOM -> {
                byte[] bytes = new byte[6];
                RANDOM.nextBytes(bytes);
                yield HexFormat.of().formatHex(bytes) + "/";
            }
        };
    }

    /** Inserts the unique prefix right after {@code prefix} (before the file's own relative path). */
    public static String withUniquePrefix(String prefix, String uniqueSegment) {
        String base = prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        return base + uniqueSegment;
    }
}
