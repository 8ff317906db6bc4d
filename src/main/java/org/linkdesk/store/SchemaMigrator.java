package org.linkdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * Brings the schema up to date with Flyway, refusing a database changed by a newer Linkdesk. When the schema is
 * already current (the usual start) Flyway is not run at all: it costs most of a second on a cold start.
 */
final class SchemaMigrator {
    static final String LOCATION = "classpath:db/migration";
    /** The versions of the files in {@code db/migration}; a test keeps this list in step with them. */
    static final List<String> SHIPPED_VERSIONS = List.of("1", "2", "3", "4", "5", "7", "8", "9", "10", "16", "17",
            "18", "19", "20");
    /** The tables the shipped migrations make; a test keeps this list in step with a fresh database. */
    static final Set<String> TABLES = Set.of("bucket_bookmark", "bucket_region", "import_pending", "paused_index",
            "profile", "profile_delivery", "protected_download", "protected_share", "protected_share_history",
            "settings", "share", "share_block", "share_day", "share_tally", "share_trigram", "store_integrity",
            "upload_part", "upload_session", "vault", "team_outbox", "team_installation", "team_share_uid",
            "flyway_schema_history");
    private static final Comparator<String> BY_VERSION = Comparator.comparing(MigrationVersion::fromVersion);

    private SchemaMigrator() {
    }

    /**
     * Callers hold the {@link OpenLock}, so processes opening a new directory at once do not both migrate it.
     * Returns whether Flyway had to run (false for an up-to-date database: its set-up costs a cold start).
     */
    static boolean migrate(Connection connection, String url, String user, String password, Path directory)
            throws SQLException {
        Optional<Set<String>> applied = appliedVersions(connection);
        if (applied.isPresent()) {
            Set<String> unknown = new TreeSet<>(BY_VERSION);
            unknown.addAll(applied.get());
            SHIPPED_VERSIONS.forEach(unknown::remove);
            if (!unknown.isEmpty()) {
                throw tooNew(directory, ((TreeSet<String>) unknown).last());
            }
            if (applied.get().containsAll(SHIPPED_VERSIONS)) {
                return false;
            }
        }
        runFlyway(url, user, password, directory);
        return true;
    }

    /**
     * Why the schema history cannot be trusted, or null. Linkdesk makes {@code flyway_schema_history} before any
     * other table and writes only versions and booleans there, so a file with tables but no history, or a version
     * that is not a version, was changed under H2 (a flipped bit in a catalogue or row value that H2's chunk
     * checksums do not cover): the file is damaged, and migrating it would fail with an internal error.
     */
    static String unreadableHistory(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            int tables;
            int history;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(CASE WHEN table_name = "
                    + "'flyway_schema_history' THEN 1 END) FROM information_schema.tables WHERE table_schema = "
                    + "'PUBLIC'")) {
                rs.next();
                tables = rs.getInt(1);
                history = rs.getInt(2);
            }
            if (history == 0) {
                return tables == 0 ? null : "its schema history is missing";
            }
            Set<String> applied = new TreeSet<>(BY_VERSION);
            try (ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
                while (rs.next()) {
                    String version = rs.getString(1);
                    boolean success = rs.getBoolean(2);
                    if (version != null) {
                        try {
                            MigrationVersion.fromVersion(version);
                        } catch (RuntimeException e) {
                            return "its schema history is garbled";
                        }
                        if (success) {
                            applied.add(version);
                        }
                    }
                }
            }
            if (applied.containsAll(SHIPPED_VERSIONS)) {
                Set<String> present = new TreeSet<>();
                try (ResultSet rs = st.executeQuery("SELECT LOWER(table_name) FROM information_schema.tables "
                        + "WHERE table_schema = 'PUBLIC'")) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
                if (!present.containsAll(TABLES)) {
                    return "part of its table list is garbled";
                }
            }
            return null;
        } catch (SQLException e) {
            if (SqlErrors.isDamagedFile(e)) {
                throw e;
            }
            return "its schema history cannot be read";
        }
    }

    /** The versions applied successfully; empty when Flyway must look (a new database, or a failed migration). */
    private static Optional<Set<String>> appliedVersions(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_schema = 'PUBLIC' AND table_name = 'flyway_schema_history'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return Optional.empty();
                }
            }
            Set<String> versions = new TreeSet<>(BY_VERSION);
            try (ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                    + "WHERE \"version\" IS NOT NULL")) {
                while (rs.next()) {
                    if (!rs.getBoolean(2)) {
                        return Optional.empty();
                    }
                    versions.add(rs.getString(1));
                }
            }
            return Optional.of(versions);
        }
    }

    private static void runFlyway(String url, String user, String password, Path directory) {
        Flyway flyway = Flyway.configure()
                .dataSource(url, user, password)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
        try {
            refuseNewerSchema(flyway, directory);
            flyway.migrate();
        } catch (FlywayValidateException e) {
            throw new StoreException("The database in " + directory + " does not match this version of Linkdesk, "
                    + "so Linkdesk left it unchanged. Use the Linkdesk version that last opened it, or choose "
                    + "another folder with --data-dir.", e);
        } catch (FlywayException e) {
            if (SqlErrors.code(e) != 0) {
                throw SqlErrors.translate(e, directory);
            }
            throw new StoreException("Linkdesk could not prepare its database in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** Flyway ignores migrations it does not know by default; Linkdesk must not write to a schema it does not know. */
    private static void refuseNewerSchema(Flyway flyway, Path directory) {
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                throw tooNew(directory, String.valueOf(info.getVersion()));
            }
        }
    }

    private static SchemaTooNewException tooNew(Path directory, String version) {
        String known = SHIPPED_VERSIONS.stream().max(BY_VERSION).orElse("none");
        return new SchemaTooNewException("The database in " + directory + " was last used by a newer version of "
                + "Linkdesk (schema version " + version + "; this version knows up to " + known + "). Update "
                + "Linkdesk, or choose another folder with --data-dir.");
    }
}
