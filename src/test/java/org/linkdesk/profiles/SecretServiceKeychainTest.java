package org.linkdesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keychain path against a real Secret Service: gnome-keyring in a private D-Bus session
 * ({@code dbus-run-session}), unlocked with a throw-away password. Skipped where those programs are missing
 * (install: {@code apt-get install gnome-keyring dbus-daemon dbus-bin}).
 */
class SecretServiceKeychainTest {
    @TempDir
    Path dir;

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    @Test
    void profileSecretLivesInGnomeKeyringAndMovesToTheVault() throws IOException, InterruptedException {
        assumeTrue(onPath("dbus-run-session") && onPath("gnome-keyring-daemon"),
                "dbus-run-session and gnome-keyring-daemon are not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
                + "exec \"$0\" -Xmx128m -cp \"$1\" " + SecretServiceProbe.class.getName() + " \"$2\"";
        Path log = dir.resolve("probe.log");
        ProcessBuilder builder = new ProcessBuilder("dbus-run-session", "--", "sh", "-c", script, java,
                System.getProperty("java.class.path"), dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // A fresh home: gnome-keyring creates its login keyring there with the throw-away password, no prompt.
        builder.environment().put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        builder.environment().put("XDG_DATA_HOME", Files.createDirectories(dir.resolve("xdg")).toString());
        builder.environment().remove("DISPLAY");
        Process p = builder.start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as(out).isTrue();
        assertThat(out).as(out).contains("available=true")
                .contains("description=Secret Service")
                .contains("stored=keychainSecret")
                .contains("resolved=keychainSecret")
                .contains("afterMove=-")
                .contains("fromVault=keychainSecret");
        // The secret is not in the database file in clear.
        try (var files = Files.walk(dir.resolve("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain("keychainSecret");
            }
        }
    }
}
