package org.linkdesk.upload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.linkdesk.handover.KeyNames;

/**
 * Object keys built from local file names, by the hand-over's key sanitiser ({@link KeyNames}, one set of rules for
 * every key Linkdesk makes from a file name): each name is NFC-normalised, loses control and invisible characters,
 * has odd spaces made plain, the characters Windows forbids ({@code \ : * ? " < > |}) turned into {@code _}, no
 * leading or trailing spaces or dots, no Windows device name, and {@code .} and {@code ..} folders are dropped;
 * {@code /} appears only between the folder names of a folder upload's structure, and the file name is shortened
 * (extension kept) so the key fits S3's 1 024 bytes. The folder the files go to is kept as the user gave it.
 */
public final class UploadKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyNames NAMES = new KeyNames();

    private UploadKeys() {
    }

    /**
     * The key of {@code relative} (a path below the folder the user picked, or just the file name) under
     * {@code prefix} (kept as the user gave it; a {@code /} is added when missing).
     */
    public static String key(String prefix, Path relative) {
        List<String> names = new ArrayList<>();
        relative.forEach(part -> names.add(part.toString()));
        String base = prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        String file = names.remove(names.size() - 1);
        return base + NAMES.relativeKeyForUpload(names, file,
                KeyNames.MAX_KEY_BYTES - base.getBytes(StandardCharsets.UTF_8).length);
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
