package org.linkdesk.team;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Who "I" am in the team history: {@code LINKDESK_DISPLAY_NAME}, else the local setting {@code team.display_name},
 * else the operating-system user ({@code USER}/{@code USERNAME}, else {@code user.name}).
 */
public final class DisplayName {
    public static final String VARIABLE = "LINKDESK_DISPLAY_NAME";
    public static final String SETTING = "team.display_name";
    /** The team database's {@code made_by} column holds at most this many characters. */
    public static final int MAX_LENGTH = 256;

    private DisplayName() {
    }

    /**
     * The display name.
     *
     * @param env     the environment
     * @param setting the stored {@code team.display_name}, read only when the environment has no name
     */
    public static String resolve(Map<String, String> env, Supplier<String> setting) {
        String name = clean(env.get(VARIABLE));
        if (name == null) {
            name = clean(setting.get());
        }
        if (name == null) {
            name = clean(env.get("USER"));
        }
        if (name == null) {
            name = clean(env.get("USERNAME"));
        }
        if (name == null) {
            name = clean(System.getProperty("user.name"));
        }
        return name == null ? "unknown" : name;
    }

    /** {@code value} trimmed, without control characters and cut to {@link #MAX_LENGTH}; null when nothing is left. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = value.replaceAll("\\p{Cntrl}", "").strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > MAX_LENGTH ? s.substring(0, cut(s)) : s;
    }

    private static int cut(String s) {
        int end = MAX_LENGTH;
        return Character.isLowSurrogate(s.charAt(end)) ? end - 1 : end;
    }
}
