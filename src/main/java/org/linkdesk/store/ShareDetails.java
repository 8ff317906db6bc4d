package org.linkdesk.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What a user notes about a share besides the link itself.
 *
 * @param note      free text, or null
 * @param recipient who it was sent to, or null
 * @param tags      short labels, lower-cased, sorted, without duplicates
 */
public record ShareDetails(String note, String recipient, List<String> tags) {
    public static final ShareDetails NONE = new ShareDetails(null, null, List.of());
    public static final int MAX_TAG_LENGTH = 64;

    public ShareDetails {
        note = blankToNull(note);
        recipient = blankToNull(recipient);
        tags = normalise(tags);
    }

    /** Tags from "a, b c,,d" (commas separate; spaces inside a tag are kept). */
    public static List<String> parseTags(String text) {
        if (text == null) {
            return List.of();
        }
        return normalise(List.of(text.split(",")));
    }

    private static List<String> normalise(List<String> tags) {
        TreeSet<String> set = new TreeSet<>();
        if (tags != null) {
            for (String t : tags) {
                String tag = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
                if (tag.isEmpty()) {
                    continue;
                }
                if (tag.length() > MAX_TAG_LENGTH) {
                    throw new IllegalArgumentException("A tag can have at most " + MAX_TAG_LENGTH
                            + " characters: '" + tag.substring(0, 20) + "…'.");
                }
                set.add(tag);
            }
        }
        return List.copyOf(new ArrayList<>(set));
    }

    /** The stored form: ",a,b," so that one tag is matched with LIKE '%,a,%'; null when there are none. */
    public String storedTags() {
        return tags.isEmpty() ? null : "," + String.join(",", tags) + ",";
    }

    public static List<String> fromStored(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return parseTags(stored);
    }

    public String tagsText() {
        return String.join(", ", tags);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
