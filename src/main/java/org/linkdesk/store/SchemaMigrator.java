package org.linkdesk.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;

/** Brings the schema up to date with Flyway, refusing a database changed by a newer Linkdesk. */
final class SchemaMigrator {
    static final String LOCATION = "classpath:db/migration";

    private SchemaMigrator() {
    }

    static void migrate(DataSource dataSource, Path directory) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
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
        String newestUnknown = null;
        String newestKnown = "none";
        for (MigrationInfo info : flyway.info().all()) {
            boolean future = info.getState() == MigrationState.FUTURE_SUCCESS
                    || info.getState() == MigrationState.FUTURE_FAILED;
            if (future) {
                newestUnknown = String.valueOf(info.getVersion());
            } else if (info.getVersion() != null) {
                newestKnown = info.getVersion().toString();
            }
        }
        if (newestUnknown != null) {
            throw new SchemaTooNewException("The database in " + directory + " was last used by a newer version of "
                    + "Linkdesk (schema version " + newestUnknown + "; this version knows up to " + newestKnown
                    + "). Update Linkdesk, or choose another folder with --data-dir.");
        }
    }
}
