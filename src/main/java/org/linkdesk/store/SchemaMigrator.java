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
    static final List<String> SHIPPED_VERSIONS = List.of("1", "2", "3", "4", "5", "7", "8", "9", "10", "16", "20");
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
