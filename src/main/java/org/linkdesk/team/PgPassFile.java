package org.linkdesk.team;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL password file ({@code ~/.pgpass}, or {@code PGPASSFILE}), read the way libpq reads it:
 * {@code host:port:database:user:password} lines, {@code *} matching anything, {@code \:} and {@code \\} escaped.
 * Read here rather than left to the driver because the driver looks under the JVM's {@code user.home} (from the
 * password database), while psql and a user's shell mean {@code $HOME}.
 */
final class PgPassFile {
    private final Path file;

    PgPassFile(Path file) {
        this.file = file;
    }

    /** {@code PGPASSFILE}, else {@code %APPDATA%\postgresql\pgpass.conf} on Windows, else {@code $HOME/.pgpass}. */
    static PgPassFile locate(Map<String, String> env, String osName, String userHome) {
        String explicit = env.get("PGPASSFILE");
        if (explicit != null && !explicit.isBlank()) {
            return new PgPassFile(Path.of(explicit.strip()));
        }
        if (osName.toLowerCase(java.util.Locale.ROOT).contains("windows") && env.get("APPDATA") != null) {
            return new PgPassFile(Path.of(env.get("APPDATA"), "postgresql", "pgpass.conf"));
        }
        String home = env.get("HOME");
        return new PgPassFile(Path.of(home == null || home.isBlank() ? userHome : home, ".pgpass"));
    }

    Path path() {
        return file;
    }

    /** The password of the first line matching, or empty (also when the file is missing or unreadable). */
    Optional<String> password(String host, String port, String database, String user) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = split(line);
                if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), port)
                        && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                    return Optional.of(fields.get(4));
                }
            }
        } catch (IOException | RuntimeException e) {
            // As libpq: a password file that cannot be read is no password file.
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value == null ? "" : value);
    }

    /** The five fields; the last takes the rest of the line (a password may hold colons, escaped or not). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(5);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
