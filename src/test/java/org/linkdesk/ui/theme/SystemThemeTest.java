package org.linkdesk.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each desktop's answer read the way it gives it; no answer means light. */
class SystemThemeTest {
    @TempDir
    Path home;

    private static Function<List<String>, Optional<String>> answers(Map<String, String> byProgram) {
        return command -> Optional.ofNullable(byProgram.get(String.join(" ", command)));
    }

    @Test
    void gnomeColorScheme() {
        String key = "gsettings get org.gnome.desktop.interface color-scheme";
        assertThat(new SystemTheme("Linux", home, answers(Map.of(key, "'prefer-dark'\n"))).prefersDark()).isTrue();
        assertThat(new SystemTheme("Linux", home, answers(Map.of(key, "'prefer-light'\n"))).prefersDark()).isFalse();
        assertThat(new SystemTheme("Linux", home, answers(Map.of())).prefersDark()).isFalse();
    }

    @Test
    void kdeColourSchemeWhenGnomeHasNoAnswer() throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/kdeglobals"), "[General]\nColorScheme=BreezeDark\n");
        assertThat(new SystemTheme("Linux", home, answers(Map.of())).prefersDark()).isTrue();
    }

    @Test
    void windowsRegistryAndMacDefaults() {
        String reg = "reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize /v "
                + "AppsUseLightTheme";
        assertThat(new SystemTheme("Windows 11", home, answers(Map.of(reg,
                "\r\n    AppsUseLightTheme    REG_DWORD    0x0\r\n"))).prefersDark()).isTrue();
        assertThat(new SystemTheme("Windows 11", home, answers(Map.of(reg,
                "\r\n    AppsUseLightTheme    REG_DWORD    0x1\r\n"))).prefersDark()).isFalse();
        assertThat(new SystemTheme("Mac OS X", home, answers(Map.of("defaults read -g AppleInterfaceStyle",
                "Dark\n"))).prefersDark()).isTrue();
        assertThat(new SystemTheme("Mac OS X", home, answers(Map.of())).prefersDark()).isFalse();
    }
}
