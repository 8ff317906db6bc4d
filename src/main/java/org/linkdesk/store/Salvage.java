package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a damaged database by a new one holding every row that could still be read from it: the damaged file is
 * kept aside untouched, a copy of it is read table by table ({@link RowCopy}), and the user is told in plain words
 * what was kept, what may be lost and how to restore a backup instead.
 */
final class Salvage {
    private static final Logger LOG = LoggerFactory.getLogger(Salvage.class);

    record Outcome(StoreIntegrity.Marks marks, String message) {
    }

    private Salvage() {
    }

    /** Called with the {@link OpenLock} held and the damaged file closed. */
    static Outcome recover(Path directory, ConnectionPool pool, String reason, CommitLedger.State ledger)
            throws SQLException, IOException {
        Path kept = DamagedFiles.keepAside(directory, Database.FILE_NAME);
        new CommitLedger(directory).delete();
        LOG.warn("The database in {} is damaged ({}); kept it as {} and salvaging what can be read", directory,
                reason, kept);
        Connection fresh = pool.borrow();
        boolean broken = true;
        try {
            SchemaMigrator.migrate(fresh, pool.url(), Database.USER, "", directory);
            RowCopy.Result copied = RowCopy.from(kept, directory, fresh);
            fresh.setAutoCommit(true);
            TrigramIndex.rebuild(fresh);
            StoreIntegrity.Marks marks = StoreIntegrity.ensureIdentity(fresh);
            broken = false;
            long lost = ledger.known() && copied.commits() >= 0 ? Math.max(0, ledger.commits() - copied.commits()) : -1;
            return new Outcome(marks, DamagedFiles.explain(directory, kept, reason, copied, lost));
        } finally {
            pool.giveBack(fresh, broken);
        }
    }
}
