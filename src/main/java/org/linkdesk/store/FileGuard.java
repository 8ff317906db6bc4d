package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens each time this process opens and closes the database file during its turn: the file checked
 * against the {@link CommitLedger} (and read through after a crash), a damaged one kept aside and salvaged, the
 * files kept owner-only, the file compacted when mostly empty, and the ledger brought up to date.
 */
final class FileGuard {
    /** Makes the guard for a directory (one per {@link DirectoryLease}). */
    interface Factory {
        FileGuard create(Path directory) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(FileGuard.class);
    /** Compact on close when the file is at least this big and less than half of it is live data. */
    private static final long COMPACT_ABOVE_BYTES = 4L << 20;
    private static final int COMPACT_BELOW_FILL_PERCENT = 50;
    private static final long OUTSIDER_WAIT_MILLIS = 5_000;

    private final Path directory;
    private final Path file;
    private final ConnectionPool pool;
    private final CommitLedger ledger;
    private final List<String> notices = new ArrayList<>();
    private String databaseId;
    private long commits;
    /** Damage was seen while working: the next open (by any process) reads the whole file through. */
    private boolean suspect;

    FileGuard(Path directory, ConnectionPool pool) {
        this.directory = directory;
        this.file = directory.resolve(Database.FILE_NAME + ".mv.db");
        this.pool = pool;
        this.ledger = new CommitLedger(directory);
    }

    ConnectionPool pool() {
        return pool;
    }

    /** Called with the {@link OpenLock} held, before the first unit of work of this turn. */
    synchronized void opened(long deadlineNanos) throws IOException, SQLException {
        PrivateFiles.secureFilesQuietly(directory);
        CommitLedger.State state = ledger.read();
        if (!Files.exists(file)) {
            // No file (a new directory, or the user removed it to start over): nothing to hold it to.
            if (state != CommitLedger.State.NONE) {
                ledger.delete();
            }
            state = CommitLedger.State.NONE;
        }
        String reason = Files.exists(file) ? SchemaDamageMark.read(directory) : null;
        if (reason == null) {
            reason = StoreIntegrity.beforeOpen(state, file);
        }
        StoreIntegrity.Marks marks = null;
        if (reason == null) {
            boolean fullCheck = StoreIntegrity.needsFullCheck(state, file);
            Connection c = null;
            boolean broken = true;
            try {
                c = connect(deadlineNanos);
                if (LeftoverCommits.finish(c) > 0) {
                    fullCheck = true;
                }
                reason = StoreIntegrity.afterOpen(c, state, fullCheck);
                marks = StoreIntegrity.marks(c);
                broken = false;
            } catch (LeftoverCommits.Unfinished e) {
                LOG.warn("The database in {} holds a commit a killed process left half applied: {}", directory,
                        e.getCause() == null ? e.getMessage() : e.getCause().toString());
                reason = "a commit a killed process left half applied cannot be finished";
            } catch (SQLException e) {
                // Once connected this process has the file to itself: a failure of the read-through is damage.
                if (c == null && !SqlErrors.isDamagedFile(e)) {
                    throw e;
                }
                reason = c == null ? "it cannot be opened" : "part of it cannot be read";
            } finally {
                if (c != null) {
                    pool.giveBack(c, broken);
                }
            }
        }
        if (reason != null) {
            pool.discardIdle();
            Salvage.Outcome outcome = Salvage.recover(directory, pool, reason, state);
            SchemaDamageMark.clear(directory);
            notices.add(outcome.message());
            marks = outcome.marks();
        }
        suspect = false;
        databaseId = marks.id();
        commits = marks.id() != null && marks.id().equals(state.databaseId())
                ? Math.max(marks.commits(), state.commits()) : marks.commits();
        writeLedger(-1, -1);
        PrivateFiles.secureFilesQuietly(directory);
    }

    /**
     * Opens the file, waiting a little while a program outside Linkdesk's turns (an old version, a tool) holds it:
     * Linkdesk processes never hold it outside their turn, so such a program is unlikely to let go soon.
     */
    private Connection connect(long deadlineNanos) throws SQLException {
        long outsiderDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OUTSIDER_WAIT_MILLIS);
        if (outsiderDeadline - deadlineNanos < 0) {
            deadlineNanos = outsiderDeadline;
        }
        while (true) {
            try {
                return pool.borrow();
            } catch (SQLException e) {
                if (SqlErrors.isDamagedFile(e)) {
                    throw e;
                }
                if (!SqlErrors.isHeldWithoutServer(e) || System.nanoTime() - deadlineNanos > 0) {
                    throw e;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Called with no unit of work running, before the lock is handed over: closes the file. */
    synchronized void closing(boolean mayCompact) {
        if (mayCompact) {
            compactIfMostlyEmpty();
        }
        pool.discardIdle();
        PrivateFiles.secureFilesQuietly(directory);
        try {
            if (Files.exists(file)) {
                writeLedger(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } else {
                writeLedger(-1, -1);
            }
        } catch (IOException e) {
            LOG.warn("Could not record the state of the database in {}: {}", directory, e.toString());
        }
    }

    private void compactIfMostlyEmpty() {
        try {
            Connection c = pool.borrow();
            boolean broken = true;
            try (Statement st = c.createStatement()) {
                long size = 0;
                int fill = 100;
                try (ResultSet rs = st.executeQuery("SELECT setting_name, setting_value FROM "
                        + "information_schema.settings WHERE setting_name IN ('info.FILE_SIZE', "
                        + "'info.CHUNKS_FILL_RATE')")) {
                    while (rs.next()) {
                        if (rs.getString(1).equals("info.FILE_SIZE")) {
                            size = Long.parseLong(rs.getString(2));
                        } else {
                            fill = Integer.parseInt(rs.getString(2));
                        }
                    }
                }
                broken = false;
                if (size > COMPACT_ABOVE_BYTES && fill < COMPACT_BELOW_FILL_PERCENT) {
                    LOG.info("Compacting the database in {} ({} bytes, {}% in use)", directory, size, fill);
                    broken = true;
                    // H2 2.5 writes the live data to linkdesk.mv.db.tempFile and renames it over the file
                    // (atomic replace): a kill meanwhile leaves the old file whole, and H2 deletes the leftover copy
                    // on the next open. The only compaction Linkdesk lets H2 do (see Database.url).
                    st.execute("SHUTDOWN COMPACT");
                }
            } finally {
                pool.giveBack(c, broken);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.info("Did not compact the database in {}: {}", directory, e.toString());
        }
    }

    /** Records a commit this process just made (its number from {@link StoreIntegrity#countIfWritten}). */
    synchronized void committed(long number) {
        if (number > commits && databaseId != null) {
            commits = number;
            try {
                writeLedger(-1, -1);
            } catch (IOException e) {
                LOG.warn("Could not record a commit to the database in {}: {}", directory, e.toString());
            }
        }
    }

    /** Records the identity a new database was just given. */
    synchronized void identified(StoreIntegrity.Marks marks) {
        databaseId = marks.id();
        commits = Math.max(commits, marks.commits());
        try {
            writeLedger(-1, -1);
        } catch (IOException e) {
            LOG.warn("Could not record the state of the database in {}: {}", directory, e.toString());
        }
    }

    /** Asks for a full check the next time any process opens the file (damage was seen while working). */
    synchronized void suspectDamage() {
        try {
            suspect = true;
            ledger.write(new CommitLedger.State(databaseId, commits, -1, -1, true));
        } catch (IOException e) {
            LOG.warn("Could not record damage to the database in {}: {}", directory, e.toString());
        }
    }

    synchronized List<String> takeNotices() {
        List<String> taken = List.copyOf(notices);
        notices.clear();
        return taken;
    }

    synchronized void notice(String text) {
        notices.add(text);
    }

    private void writeLedger(long closedLength, long closedModified) throws IOException {
        if (databaseId != null) {
            ledger.write(new CommitLedger.State(databaseId, commits, closedLength, closedModified, suspect));
        }
    }
}
