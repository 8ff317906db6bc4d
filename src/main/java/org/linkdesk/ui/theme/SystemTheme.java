package org.linkdesk.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the desktop prefers a dark theme. JavaFX 21 has no colour-scheme API, so each OS is asked its own way:
 * GNOME's {@code color-scheme} setting, KDE's {@code kdeglobals} colour scheme, the Windows registry value
 * {@code AppsUseLightTheme}, macOS's {@code AppleInterfaceStyle}. Runs programs and reads files: call off the FX
 * thread. Any failure means light (the safe default).
 */
public final class SystemTheme {
    private static final Logger LOG = LoggerFactory.getLogger(SystemTheme.class);
    private static final long TIMEOUT_MS = 1500;

    private final String osName;
    private final Path home;
    private final Function<List<String>, Optional<String>> run;

    public SystemTheme() {
        this(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")), SystemTheme::output);
    }

    /** For tests: a given OS name, home directory and command runner. */
    SystemTheme(String osName, Path home, Function<List<String>, Optional<String>> run) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
        this.run = run;
    }

    public boolean prefersDark() {
        try {
            if (osName.contains("win")) {
                return run.apply(List.of("reg", "query",
                        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v",
                        "AppsUseLightTheme")).map(out -> out.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0+\\b.*"))
                        .orElse(false);
            }
            if (osName.contains("mac")) {
                return run.apply(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                        .map(out -> out.strip().equalsIgnoreCase("dark")).orElse(false);
            }
            return linuxPrefersDark();
        } catch (RuntimeException e) {
            LOG.debug("Could not read the desktop's colour scheme; using light", e);
            return false;
        }
    }

    private boolean linuxPrefersDark() {
        Optional<String> gnome = run.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (gnome.isPresent() && gnome.get().contains("prefer-dark")) {
            return true;
        }
        if (gnome.isPresent() && gnome.get().contains("prefer-light")) {
            return false;
        }
        Optional<String> gtkTheme = run.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        if (gtkTheme.isPresent() && gtkTheme.get().toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        return kdePrefersDark();
    }

    /** KDE names the scheme in {@code [General] ColorScheme=BreezeDark}. */
    private boolean kdePrefersDark() {
        Path kdeglobals = home.resolve(".config").resolve("kdeglobals");
        if (!Files.isRegularFile(kdeglobals)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(kdeglobals, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.startsWith("ColorScheme=")) {
                    return l.toLowerCase(Locale.ROOT).contains("dark");
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not read {}", kdeglobals, e);
        }
        return false;
    }

    /** A command's standard output when it ran and exited 0 within the time limit. */
    private static Optional<String> output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            // The answers are a line or two: they fit the pipe, so waiting first cannot deadlock, and a hung
            // program (no D-Bus session) is bounded by the time limit.
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(64 * 1024);
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // the program is not installed here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
