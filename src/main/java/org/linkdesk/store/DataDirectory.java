package org.linkdesk.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Linkdesk keeps its data: {@code --data-dir}, else {@code LINKDESK_HOME}, else the per-OS user data directory
 * (Linux {@code $XDG_DATA_HOME/linkdesk} or {@code ~/.local/share/linkdesk}; macOS
 * {@code ~/Library/Application Support/Linkdesk}; Windows {@code %APPDATA%\Linkdesk}).
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    /**
     * @param override the {@code --data-dir} value, or null
     * @param env      the environment
     * @param osName   {@code os.name}
     * @param userHome {@code user.home}
     */
    public static Path resolve(String override, Map<String, String> env, String osName, String userHome) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** {@link #resolve} with this process's environment and system properties. */
    public static Path resolve(String override) {
        return resolve(override, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }
}
