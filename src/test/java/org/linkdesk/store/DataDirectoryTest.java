package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private static final String HOME = "/home/zoë";
    private static final Path CWD = Path.of("").toAbsolutePath();

    @Test
    void theOverrideWinsOverEverything() {
        Map<String, String> env = Map.of("LINKDESK_HOME", "/srv/linkdesk", "XDG_DATA_HOME", "/xdg");
        assertThat(DataDirectory.resolve("/data/mine", env, "Linux", HOME)).isEqualTo(Path.of("/data/mine"));
        assertThat(DataDirectory.resolve("  /data/spaced  ", env, "Linux", HOME)).isEqualTo(Path.of("/data/spaced"));
    }

    @Test
    void aRelativeOverrideStartsAtTheCurrentDirectoryAndTildeMeansHome() {
        Map<String, String> env = Map.of();
        assertThat(DataDirectory.resolve("data/../linkdesk-data", env, "Linux", HOME))
                .isEqualTo(CWD.resolve("linkdesk-data"));
        assertThat(DataDirectory.resolve("~/ld", env, "Linux", HOME)).isEqualTo(Path.of(HOME, "ld"));
        assertThat(DataDirectory.resolve("~", env, "Linux", HOME)).isEqualTo(Path.of(HOME));
        assertThat(DataDirectory.resolve("~other/x", env, "Linux", HOME)).isEqualTo(CWD.resolve("~other/x"));
    }

    @Test
    void linkdeskHomeComesNext() {
        Map<String, String> env = Map.of("LINKDESK_HOME", "~/from-env", "XDG_DATA_HOME", "/xdg");
        assertThat(DataDirectory.resolve(null, env, "Linux", HOME)).isEqualTo(Path.of(HOME, "from-env"));
        assertThat(DataDirectory.resolve("", env, "Mac OS X", HOME)).isEqualTo(Path.of(HOME, "from-env"));
        assertThat(DataDirectory.resolve(" ", Map.of("LINKDESK_HOME", " "), "Linux", HOME))
                .isEqualTo(Path.of(HOME, ".local", "share", "linkdesk"));
    }

    @Test
    void linuxUsesXdgDataHomeOnlyWhenAbsolute() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg/data"), "Linux", HOME))
                .isEqualTo(Path.of("/xdg/data/linkdesk"));
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "relative/data"), "Linux", HOME))
                .isEqualTo(Path.of(HOME, ".local/share/linkdesk"));
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", ""), "Linux", HOME))
                .isEqualTo(Path.of(HOME, ".local/share/linkdesk"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", HOME)).isEqualTo(Path.of(HOME, ".local/share/linkdesk"));
        assertThat(DataDirectory.resolve(null, Map.of(), "FreeBSD", HOME)).isEqualTo(Path.of(HOME, ".local/share/linkdesk"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Mac OS X", HOME))
                .isEqualTo(Path.of(HOME, "Library", "Application Support", "Linkdesk"));
    }

    @Test
    void windowsUsesAppDataWithAFallback() {
        String appData = "C:\\Users\\Zoë\\AppData\\Roaming";
        assertThat(DataDirectory.resolve(null, Map.of("APPDATA", appData), "Windows 11", HOME))
                .isEqualTo(Path.of(appData, "Linkdesk"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Windows 10", HOME))
                .isEqualTo(Path.of(HOME, "AppData", "Roaming", "Linkdesk"));
    }

    @Test
    void theNoArgumentFormUsesThisProcess() {
        assertThat(DataDirectory.resolve("/explicit")).isEqualTo(Path.of("/explicit"));
        assertThat(DataDirectory.resolve(null)).isAbsolute();
    }
}
