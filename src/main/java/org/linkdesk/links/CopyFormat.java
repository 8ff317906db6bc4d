package org.linkdesk.links;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A way to put a link on the clipboard other than the bare URL ("Copy as ▸ Markdown link"). Menus list
 * {@link #BUILT_IN}; a new format is one more entry there (no menu changes).
 */
public interface CopyFormat {

    /** What the menus show. */
    String label();

    String format(Link link, ZoneId zone);

    /** The link being copied. */
    record Link(String bucket, String key, String url, Instant expiresAt) {
        /** The object's file name: the key's last segment. */
        public String fileName() {
            int slash = key.lastIndexOf('/', key.length() - 2);
            return key.substring(slash + 1);
        }
    }

    CopyFormat MARKDOWN = simple("Markdown link", (l, z) -> "[" + l.fileName().replace("]", "\\]") + "](" + l.url()
            + ")");

    CopyFormat WITH_EXPIRY = simple("Link with expiry date", (l, z) -> l.url() + "\n(works until "
            + DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH)
            .format(l.expiresAt().atZone(z)) + ")");

    List<CopyFormat> BUILT_IN = List.of(MARKDOWN, WITH_EXPIRY);

    static CopyFormat simple(String label, java.util.function.BiFunction<Link, ZoneId, String> text) {
        return new CopyFormat() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public String format(Link link, ZoneId zone) {
                return text.apply(link, zone);
            }
        };
    }
}
