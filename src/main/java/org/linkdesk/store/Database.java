package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 file database in the data directory, migrated by Flyway on open. Several processes (the app and
 * any number of CLI commands) may use the same directory: they take turns at the file ({@link DirectoryLease}),
 * each opening it in turn and waiting (up to {@link #WAIT_MILLIS}) while another works. Nothing listens on the
 * network, and the directory and its files are owner-only ({@link PrivateFiles}).
 *
 * <p>Every commit is written to the file before it returns ({@code WRITE_DELAY=0}: a process killed right after
 * a commit keeps it), and counted in the {@link CommitLedger}, so a file cut short or damaged is detected when it
 * is next opened, kept aside and salvaged ({@link FileGuard}).
 *
 * <p>Thread-safe: each unit of work borrows a connection from a small pool. A unit of work started inside another
 * on the same thread joins the outer transaction.
 */
public final class Database implements SqlAccess, AutoCloseable {
    /** Base name of the database files ({@code linkdesk.mv.db}). */
    public static final String FILE_NAME = "linkdesk";
    /** How long a unit of work waits for other Linkdesk processes before it gives up with a clear message. */
    public static final long WAIT_MILLIS = 60_000;
    static final String USER = "linkdesk";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_CONNECTIONS = 8;

    /** Work done with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work that commits in steps: {@code steps.commit()} commits what it wrote so far, as a unit's end does. */
    @FunctionalInterface
    interface SteppedWork<T> {
        T run(Connection connection, Steps steps) throws SQLException;
    }

    @FunctionalInterface
    interface Steps {
        void commit() throws SQLException;
    }

    private final Path directory;
    private final DirectoryLease lease;
    private final ThreadLocal<Connection> joined = new ThreadLocal<>();
    private final List<String> notices = new ArrayList<>();
    private volatile boolean closed;

    private Database(Path directory, DirectoryLease lease) {
        this.directory = directory;
        this.lease = lease;
    }

    /** Opens (creating and migrating as needed) the database in {@code dataDirectory}. */
    public static Database open(Path dataDirectory) {
        return open(dataDirectory, c -> null);
    }

    /**
     * As {@link #open(Path)}, running {@code afterMigration} in the same turn at the file, in one transaction, right
     * after the schema is brought up to date (for work every process must see done before its first use).
     */
    public static Database open(Path dataDirectory, SqlWork<?> afterMigration) {
        try {
            return openOnce(dataDirectory, afterMigration);
        } catch (StoreException e) {
            String reason = SchemaDamageMark.isGarbledCatalogue(e) ? "its table catalogue cannot be read"
                    : SchemaDamageMark.isLeftoverLock(e) ? "a change a killed process left half-committed blocks it"
                    : null;
            if (reason == null) {
                throw e;
            }
            // The open's own statements failed with the file to itself: the file is damaged (a garbled catalogue,
            // or a row lock H2 kept from a transaction killed inside its commit); the next open salvages it.
            LOG.warn("The database in {} failed to open ({}); treating it as damaged", dataDirectory, reason, e);
            SchemaDamageMark.write(dataDirectory.toAbsolutePath().normalize(), reason);
            return openOnce(dataDirectory, afterMigration);
        }
    }

    private static Database openOnce(Path dataDirectory, SqlWork<?> afterMigration) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        List<String> tightened = DataFolderSetup.prepare(dir);
        String url = url(dir);
        DirectoryLease lease;
        try {
            lease = DirectoryLease.join(dir, d -> new FileGuard(d,
                    new ConnectionPool(url, USER, "", MAX_CONNECTIONS, WAIT_MILLIS)));
        } catch (IOException e) {
            throw new DataDirectoryException("Linkdesk cannot lock its data folder " + dir + " ("
                    + DataFolderSetup.describe(dir, e) + "). Check its permissions, or choose another folder with "
                    + "--data-dir or LINKDESK_HOME.", e);
        }
        Database db = new Database(dir, lease);
        if (!tightened.isEmpty()) {
            String notice = PrivateFiles.notice(dir, tightened);
            LOG.warn(notice);
            db.notices.add(notice);
        }
        try {
            db.inSteps((c, steps) -> {
                // Flyway uses connections of its own; they share this turn at the file.
                SchemaMigrator.migrate(c, url, USER, "", dir);
                lease.guard().identified(StoreIntegrity.ensureIdentity(c));
                ImportPending.undoDead(c, steps); // an import killed before it was done
                PausedIndexes.restore(c); // a large import killed before it built its indexes again
                return afterMigration.run(c);
            });
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    static String url(Path dir) {
        // WRITE_DELAY=0: a commit is in the file when commit() returns (H2 otherwise writes up to 0.5 s later, and
        // a kill loses it). MAX_COMPACT_TIME=0 and AUTO_COMPACT_FILL_RATE=0: H2 never moves chunks inside the file
        // (on close, or in its background thread), so a kill cannot land in a move; the file is compacted only by
        // SHUTDOWN COMPACT, which writes a new file and renames it over the old one (FileGuard). No trace file: it
        // could hold row values.
        return "jdbc:h2:file:" + dir.resolve(FILE_NAME) + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0;AUTO_COMPACT_FILL_RATE=0"
                + ";LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0";
    }

    /**
     * Messages for the user about this database (its folder made private, damage found and salvaged); each is
     * returned once. The CLI prints them on stderr, the app shows them.
     */
    public List<String> notices() {
        List<String> all = new ArrayList<>();
        synchronized (notices) {
            all.addAll(notices);
            notices.clear();
        }
        all.addAll(lease.guard().takeNotices());
        return all;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return run(work, true);
    }

    /** Runs read-only {@code work}; anything it writes is rolled back. */
    @Override
    public <T> T read(SqlWork<T> work) {
        return run(work, false);
    }

    private <T> T run(SqlWork<T> work, boolean commit) {
        org.linkdesk.core.threads.UiThreadGuard.check("H2 query");
        Connection outer = joined.get();
        try {
            if (outer != null) {
                return work.run(outer);
            }
            if (closed) {
                throw new StoreException("Linkdesk has already closed its database in " + directory + ".");
            }
            lease.enter(WAIT_MILLIS);
            try {
                return runOnce(work, commit);
            } finally {
                lease.exit();
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * Runs {@code work} as one unit committing in steps (the rest committed when it returns), with the file to itself
     * from start to end: no other process or thread works on it in between. For writes too large for one commit.
     */
    <T> T inSteps(SteppedWork<T> work) {
        org.linkdesk.core.threads.UiThreadGuard.check("H2 query");
        if (joined.get() != null) {
            throw new IllegalStateException("A stepped unit of work cannot join another unit");
        }
        if (closed) {
            throw new StoreException("Linkdesk has already closed its database in " + directory + ".");
        }
        try {
            lease.enterAlone(WAIT_MILLIS);
            try {
                return runOnce(c -> work.run(c, () -> {
                    commit(c);
                    lease.stepped();
                }), true);
            } finally {
                lease.exitAlone();
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private RuntimeException translate(SQLException e) {
        if (SqlErrors.isDamagedFile(e)) {
            lease.guard().suspectDamage();
        }
        return SqlErrors.translate(e, directory);
    }

    private <T> T runOnce(SqlWork<T> work, boolean commit) throws SQLException {
        ConnectionPool pool = lease.guard().pool();
        Connection c = pool.borrow();
        boolean broken = false;
        try {
            c.setAutoCommit(false);
            joined.set(c);
            T result = work.run(c);
            if (commit) {
                commit(c);
            } else {
                c.rollback();
            }
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            broken = SqlErrors.isConnectionLost(e);
            rollbackQuietly(c, e);
            throw e;
        } finally {
            joined.remove();
            if (!broken) {
                resetQuietly(c);
            }
            pool.giveBack(c, broken);
        }
    }

    private void commit(Connection c) throws SQLException {
        long number = StoreIntegrity.countIfWritten(c);
        c.commit();
        if (number >= 0) {
            // Make sure the commit is in the file before anything is printed or the ledger counts it
            // (a kill-trial run once found the ledger one commit ahead of the file).
            try (var st = c.createStatement()) {
                st.execute("CHECKPOINT");
            }
        }
        lease.guard().committed(number);
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void resetQuietly(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("Could not reset a connection to the database in {}", directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Lets go of the database; the file is closed once no other {@code Database} of this JVM uses it. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lease.leave();
        }
    }
}
