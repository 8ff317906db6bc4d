package org.linkdesk.store;

import java.util.Locale;

/** Whether a recorded link still works, as far as Linkdesk knows. */
public enum ShareStatus {
    ACTIVE("Active"),
    EXPIRING("Expiring soon"),
    EXPIRED("Expired"),
    /** Not expired, but the last check found no object under the key (HEAD 404). */
    GONE("Object gone"),
    /** Not expired, but the object's ETag differs from the one recorded when the link was made. */
    CHANGED("Object changed");

    private final String label;

    ShareStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a name or label, case-insensitively ("active", "expiring", "Object gone", "gone"). */
    public static ShareStatus parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (ShareStatus s : values()) {
            if (s.name().equals(t) || s.label().toUpperCase(Locale.ROOT).replace(' ', '_').equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown status '" + text + "': use active, expiring, expired, gone "
                + "or changed.");
    }
}
