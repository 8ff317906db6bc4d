package org.linkdesk.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Linkdesk keeps its data: {@code --data-dir}, else {@code LINKDESK_HOME}, else the per-OS user data directory
 * (Linux {@code $XDG_DATA_HOME/linkdesk} or {@code ~/.local/share/linkdesk}; macOS
 * {@code ~/Library/Application Support/Linkdesk}; Windows {@code %APPDATA%\Linkdesk}).
 */
public final class DataDirectory {
    public static final String HOME_VARIABLE = "LINKDESK_HOME";

    private DataDirectory() {
    }

    /**
     * @param override the {@code --data-dir} value, or null
     * @param env      the environment
     * @param osName   {@code os.name}
     * @param userHome {@code user.home}
     */
    public static Path resolve(String override, Map<String, String> env, String osName, String userHome) {
        if (isSet(override)) {
            return fromUser(override, userHome);
        }
        String home = env.get(HOME_VARIABLE);
        if (isSet(home)) {
            return fromUser(home, userHome);
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return isSet(appData)
                    ? Path.of(appData.strip(), "Linkdesk")
                    : Path.of(userHome, "AppData", "Roaming", "Linkdesk");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "Linkdesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG Base Directory spec says relative values are invalid and must be ignored.
        if (isSet(xdg) && Path.of(xdg.strip()).isAbsolute()) {
            return Path.of(xdg.strip(), "linkdesk");
        }
        return Path.of(userHome, ".local", "share", "linkdesk");
    }

    /** {@link #resolve} with this process's environment and system properties. */
    public static Path resolve(String override) {
        return resolve(override, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** A directory the user typed: {@code ~} means the home directory, relative paths start at the current one. */
    private static Path fromUser(String value, String userHome) {
        String v = value.strip();
        Path path;
        if (v.equals("~")) {
            path = Path.of(userHome);
        } else if (v.startsWith("~/") || v.startsWith("~\\")) {
            path = Path.of(userHome, v.substring(2));
        } else {
            path = Path.of(v);
        }
        return path.toAbsolutePath().normalize();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
