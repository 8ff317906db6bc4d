package org.linkdesk.handover;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.linkdesk.core.sign.DownloadFileNames;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.handover.KeyWarning.Kind;

/**
 * Object keys and file names: warnings about odd keys before signing, the encoded path a key becomes, download
 * names and their Content-Disposition header, and keys made from local file names (for uploads).
 */
public final class KeyNames {
    /** S3's limit on a key's length in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    /** Every odd thing about {@code key}, the refusing ones first; empty for an ordinary key. */
    public List<KeyWarning> warnings(String key) {
        List<KeyWarning> found = new ArrayList<>();
        if (key == null || key.isEmpty()) {
            return found;
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            found.add(new KeyWarning(Kind.TOO_LONG, "The key is " + key.getBytes(StandardCharsets.UTF_8).length
                    + " bytes long in UTF-8; S3 accepts at most 1 024.", true));
        }
        String[] segments = key.split("/", -1);
        boolean dotDot = false;
        boolean dot = false;
        for (String segment : segments) {
            dotDot |= segment.equals("..");
            dot |= segment.equals(".");
        }
        if (dotDot) {
            found.add(new KeyWarning(Kind.DOT_DOT_SEGMENT, "The key has a '..' segment. S3 takes it literally, but "
                    + "browsers, proxies and some servers resolve it to the parent folder, so the link may fetch "
                    + "another object or fail.", true));
        }
        if (dot) {
            found.add(new KeyWarning(Kind.DOT_SEGMENT, "The key has a '.' segment, which browsers and some servers "
                    + "remove from the path: the link may point at another object.", false));
        }
        if (key.startsWith("/")) {
            found.add(new KeyWarning(Kind.LEADING_SLASH, "The key starts with '/': it is a different key from the one "
                    + "without it, and some servers refuse it.", false));
        }
        if (key.contains("//")) {
            found.add(new KeyWarning(Kind.DOUBLE_SLASH, "The key has '//' (an empty folder name); some tools fold it "
                    + "into one '/', which is another key.", false));
        }
        if (key.startsWith(" ") || key.endsWith(" ") || key.contains(" /") || key.contains("/ ")) {
            found.add(new KeyWarning(Kind.EDGE_SPACE, "A name in the key starts or ends with a space, which is easy "
                    + "to lose when the key is copied or typed.", false));
        }
        characterWarnings(key, found);
        if (!Normalizer.isNormalized(key, Normalizer.Form.NFC)) {
            found.add(new KeyWarning(Kind.NOT_NFC, "The key's accented letters are decomposed (NFD, as macOS file "
                    + "names often are): the same-looking key typed elsewhere (NFC) is a different key.", false));
        }
        found.sort((a, b) -> Boolean.compare(b.refused(), a.refused()));
        return found;
    }

    /** Whether any warning should stop signing unless the user insists. */
    public boolean refuses(List<KeyWarning> warnings) {
        return warnings.stream().anyMatch(KeyWarning::refused);
    }

    private static void characterWarnings(String key, List<KeyWarning> found) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        key.codePoints().forEach(cp -> {
            if (isBidiControl(cp)) {
                kinds.add(Kind.BIDI_CONTROL);
            } else if (Character.getType(cp) == Character.CONTROL) {
                kinds.add(Kind.CONTROL);
            } else if (DownloadFileNames.isInvisible(cp)) {
                kinds.add(Kind.INVISIBLE);
            } else if (cp != ' ' && (Character.isSpaceChar(cp) || Character.isWhitespace(cp))) {
                kinds.add(Kind.ODD_SPACE);
            } else if (Character.isLetter(cp)) {
                scripts.add(Character.UnicodeScript.of(cp));
            }
        });
        if (kinds.contains(Kind.BIDI_CONTROL)) {
            found.add(new KeyWarning(Kind.BIDI_CONTROL, "The key has a right-to-left control character, which can "
                    + "make the key (and its extension) display differently from what it is.", false));
        }
        if (kinds.contains(Kind.CONTROL)) {
            found.add(new KeyWarning(Kind.CONTROL, "The key has a control character (such as a tab or line break); "
                    + "it cannot be typed and often gets lost when copied.", false));
        }
        if (kinds.contains(Kind.INVISIBLE)) {
            found.add(new KeyWarning(Kind.INVISIBLE, "The key has an invisible character (zero-width space, joiner, "
                    + "byte-order mark or soft hyphen): it looks like another key but is not.", false));
        }
        if (kinds.contains(Kind.ODD_SPACE)) {
            found.add(new KeyWarning(Kind.ODD_SPACE, "The key has a non-breaking or other unusual space that looks "
                    + "like an ordinary space but is not.", false));
        }
        boolean latin = scripts.contains(Character.UnicodeScript.LATIN);
        if (latin && (scripts.contains(Character.UnicodeScript.CYRILLIC) || scripts.contains(Character.UnicodeScript.GREEK))) {
            found.add(new KeyWarning(Kind.LOOK_ALIKE, "The key mixes Latin letters with Cyrillic or Greek ones, some "
                    + "of which look identical (а/a, о/o, Ε/E): check it is the key you mean.", false));
        }
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    /** The URL a link for {@code bucket}/{@code key} goes to, without its query: the key as it is encoded. */
    public String encodedPathPreview(S3Endpoint endpoint, String bucket, String key) {
        return endpoint.address(bucket, key).baseUrl();
    }

    /** A name safe to save a download under (see {@link DownloadFileNames#safe}). */
    public String downloadName(String name) {
        return DownloadFileNames.safe(name);
    }

    /** The Content-Disposition header a GET link with this download name makes the server send. */
    public String contentDispositionPreview(boolean inline, String downloadName) {
        return "Content-Disposition: " + LinkOptions.contentDisposition(inline, downloadName);
    }

    /**
     * The key for uploading a local file: {@code prefix} (a folder such as {@code uploads/2025/}, or empty) plus
     * the file's name made safe — NFC, no invisible or control characters, no separators, no leading or trailing
     * spaces or dots — shortened so the whole key fits S3's 1 024 bytes (keeping the extension). {@code fileName}
     * may be a whole path (either separator): only its last part is used.
     */
    public String keyForUpload(String prefix, String fileName) {
        String p = prefix == null ? "" : Normalizer.normalize(prefix.strip(), Normalizer.Form.NFC);
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (!p.isEmpty() && !p.endsWith("/")) {
            p += "/";
        }
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return p + relativeKeyForUpload(List.of(), base, MAX_KEY_BYTES - p.getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * The part of an upload's key below the folder it goes to: each folder name of a local structure (a folder
     * upload's path below the folder the user picked) and the file name made safe by the same rules as
     * {@link #keyForUpload}, joined with {@code /}. A folder name with nothing usable left ({@code .}, {@code ..},
     * only invisible characters) is dropped; an empty file name becomes {@value DownloadFileNames#FALLBACK}. The
     * file name is shortened (keeping its extension) so the result fits {@code maxBytes} UTF-8 bytes.
     *
     * @throws InvalidInputException when the folders alone leave no room for a file name
     */
    public String relativeKeyForUpload(List<String> folders, String fileName, int maxBytes) {
        StringBuilder path = new StringBuilder();
        for (String folder : folders) {
            String segment = DownloadFileNames.safeOrEmpty(folder);
            if (!segment.isEmpty()) {
                path.append(segment).append('/');
            }
        }
        int room = maxBytes - path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (room < 1) {
            throw new InvalidInputException("The key of '" + fileName + "' would be longer than the 1 024 bytes S3 "
                    + "accepts: upload it to a shorter folder, or from a less deeply nested one.");
        }
        String name = DownloadFileNames.safe(fileName);
        while (name.getBytes(StandardCharsets.UTF_8).length > room && name.length() > 1) {
            int dot = name.lastIndexOf('.');
            int cut = dot > 0 ? dot - 1 : name.length() - 1;
            if (cut < 1) {
                name = name.substring(name.length() - Math.max(1, room));
                break;
            }
            name = name.substring(0, Character.isLowSurrogate(name.charAt(cut)) ? cut - 1 : cut) + name.substring(cut + 1);
        }
        return path + name;
    }
}
