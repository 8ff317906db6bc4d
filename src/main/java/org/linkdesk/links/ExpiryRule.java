package org.linkdesk.links;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.PresignRequest;

/**
 * "Files like this get links valid this long": {@code match} is one extension ({@code .pdf}) or a kind of file
 * ({@code image}, {@code video}, {@code audio}, {@code document}, {@code archive}, {@code text}).
 */
public record ExpiryRule(String match, Duration expiry) {
    /** The extensions of each kind of file a rule can name. */
    public static final Map<String, Set<String>> KINDS = Map.of(
            "image", Set.of("jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "svg", "heic", "heif", "avif", "ico"),
            "video", Set.of("mp4", "mov", "m4v", "mkv", "webm", "avi", "wmv", "mpg", "mpeg"),
            "audio", Set.of("mp3", "wav", "flac", "aac", "m4a", "ogg", "opus", "wma"),
            "document", Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "pages", "key", "numbers"),
            "archive", Set.of("zip", "tar", "gz", "tgz", "bz2", "xz", "7z", "rar", "zst"),
            "text", Set.of("txt", "csv", "tsv", "md", "json", "xml", "log", "yaml", "yml", "html", "htm"));

    public ExpiryRule {
        match = normalise(match);
        if (expiry == null) {
            throw new InvalidInputException("Give the rule for " + match + " a duration, like 48h or 7d.");
        }
        PresignRequest.requireValidExpiry(expiry);
    }

    /** Parses {@code .pdf=48h} or {@code image=7d}. */
    public static ExpiryRule parse(String text) {
        int eq = text == null ? -1 : text.lastIndexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new InvalidInputException("Write a rule as MATCH=DURATION, like .pdf=48h or image=7d.");
        }
        return new ExpiryRule(text.substring(0, eq), Durations.parse(text.substring(eq + 1).strip()));
    }

    private static String normalise(String match) {
        String m = match == null ? "" : match.strip().toLowerCase(Locale.ROOT);
        if (m.isEmpty() || m.equals(".")) {
            throw new InvalidInputException("A rule needs an extension like .pdf or a kind of file: "
                    + String.join(", ", new java.util.TreeSet<>(KINDS.keySet())) + ".");
        }
        if (m.startsWith(".")) {
            if (m.indexOf('/') >= 0 || m.indexOf(' ') >= 0) {
                throw new InvalidInputException("\"" + match + "\" is not a file extension.");
            }
            return m;
        }
        if (KINDS.containsKey(m)) {
            return m;
        }
        String plural = m.endsWith("s") ? m.substring(0, m.length() - 1) : m;
        if (KINDS.containsKey(plural)) {
            return plural;
        }
        if (m.matches("[a-z0-9]{1,10}")) {
            return "." + m;
        }
        throw new InvalidInputException("\"" + match + "\" is neither an extension like .pdf nor a kind of file ("
                + String.join(", ", new java.util.TreeSet<>(KINDS.keySet())) + ").");
    }

    /** Whether this rule covers a file with extension {@code ext} (lower case, without the dot; may be empty). */
    public boolean matches(String ext) {
        if (match.startsWith(".")) {
            return match.substring(1).equals(ext);
        }
        return KINDS.get(match).contains(ext);
    }

    /** {@code .pdf=2d} */
    @Override
    public String toString() {
        return match + "=" + Durations.format(expiry);
    }
}
