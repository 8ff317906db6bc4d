package org.linkdesk.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A history import large next to the history builds the share table's ordering indexes once, after its commit,
 * instead of row by row ({@link PausedIndexes}): measured on a 20 000-row, 9.4 MB CSV the database file peaked at
 * 221 MB row by row and at 55 MB this way (docs/RELIABILITY.md, "Import"). The rows are added as by any import
 * ({@link ImportPending}); only the order in which index pages are written changes.
 */
final class LargeImports {
    private static final Logger LOG = LoggerFactory.getLogger(LargeImports.class);

    /** Below this many rows the random index writes are small in absolute terms; dropping indexes is not worth it. */
    static final long MIN_ROWS = 1_000;
    /**
     * Rebuilding the indexes writes them whole (measured ≈ 0.55 KB per share of the history for all of them), row by
     * row costs ≈ 11 KB per imported share: the rebuild writes less from about 1/20 of the history on; 1/16 keeps
     * its time in proportion too.
     */
    static final long HISTORY_FRACTION = 16;
    /** The duplicate lookup finds rows by creation time: its index stays. */
    static final Set<String> KEPT_LEADING_COLUMNS = Set.of("CREATED_AT");
    static final String TABLE = "SHARE";

    private LargeImports() {
    }

    static boolean rebuildsIndexes(Database database, long rows) {
        if (rows < MIN_ROWS) {
            return false;
        }
        long history = database.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM share")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return rows * HISTORY_FRACTION >= history;
    }

    /**
     * Runs {@code importer} with the indexes paused, then builds them again whether it committed
     * or failed. A failure to rebuild is logged, not thrown: the import is committed, and the next open of the
     * database builds what is missing.
     */
    static ImportResult run(Database database, Supplier<ImportResult> importer) {
        database.inTransaction(c -> PausedIndexes.save(c, TABLE, KEPT_LEADING_COLUMNS));
        ImportResult result;
        try {
            database.inTransaction(c -> {
                PausedIndexes.dropSaved(c);
                return null;
            });
            result = importer.get();
        } catch (RuntimeException | Error e) {
            try {
                restore(database);
            } catch (RuntimeException restoring) {
                e.addSuppressed(restoring);
            }
            throw e;
        }
        try {
            restore(database);
        } catch (StoreException e) {
            LOG.warn("The import is saved; rebuilding the history's indexes failed and is retried when the database "
                    + "is next opened", e);
        }
        return result;
    }

    private static void restore(Database database) {
        database.inTransaction(PausedIndexes::restore);
    }
}
