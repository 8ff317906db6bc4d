package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 file database in the data directory, migrated by Flyway on open. Several processes (the GUI and
 * the CLI) may use the same directory at once: the first to open it serves it to the others over loopback TCP
 * (H2's automatic mixed mode), and another takes over when it exits.
 *
 * <p>Thread-safe: each unit of work borrows a connection from a small pool. A unit of work started inside another on
 * the same thread joins the outer transaction. When the process serving the database exits during a unit of work,
 * nothing of it was committed and it runs again from the start (so work must not have effects outside the database).
 */
public final class Database implements AutoCloseable {
    /** Base name of the database files ({@code linkdesk.mv.db}). */
    public static final String FILE_NAME = "linkdesk";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String USER = "linkdesk";
    private static final int MAX_CONNECTIONS = 8;
    private static final long WAIT_FOR_CONNECTION_MILLIS = 30_000;
    /** How long to keep trying while other processes open, serve or give up the database. */
    private static final long RETRY_MILLIS = 10_000;
    /** How long a file held without a server may stay so before it counts as locked by a stranger. */
    private static final long HELD_WITHOUT_SERVER_MILLIS = 5_000;

    static {
        // The automatic-mode server listens on every interface unless told otherwise; keep it on this machine.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** Work done with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path directory;
    private final ConnectionPool pool;
    private final ThreadLocal<Connection> joined = new ThreadLocal<>();
    private volatile boolean closed;

    private Database(Path directory, ConnectionPool pool) {
        this.directory = directory;
        this.pool = pool;
    }

    /** Opens (creating and migrating as needed) the database in {@code dataDirectory}. */
    public static Database open(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        prepareDirectory(dir);
        String url = url(dir);
        ConnectionPool pool = new ConnectionPool(dir, url, USER, "", MAX_CONNECTIONS, WAIT_FOR_CONNECTION_MILLIS);
        try {
            retrying(dir, pool, () -> OpenLock.hold(dir, WAIT_FOR_CONNECTION_MILLIS, () -> {
                // Held open during the migration so the database is not closed and reopened in between.
                Connection first = pool.borrow();
                boolean migrated = false;
                try {
                    SchemaMigrator.migrate(first, url, USER, "", dir);
                    migrated = true;
                    return null;
                } finally {
                    pool.giveBack(first, !migrated);
                }
            }));
            return new Database(dir, pool);
        } catch (SQLException e) {
            pool.close();
            throw openFailure(e, dir);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve(FILE_NAME) + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=5000";
    }

    private static StoreException openFailure(SQLException e, Path dir) {
        if (SqlErrors.isDamagedFile(e)) {
            return DamagedFiles.moveAside(dir, FILE_NAME, e);
        }
        return SqlErrors.translate(e, dir);
    }

    private static void prepareDirectory(Path dir) {
        if (dir.toString().indexOf(';') >= 0) {
            throw new DataDirectoryException("Linkdesk cannot use a data folder whose path contains ';' (" + dir
                    + "). Choose another with --data-dir or LINKDESK_HOME.", null);
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new DataDirectoryException("Linkdesk cannot create or write its data folder " + dir + " ("
                    + describe(dir, e) + "). Check its permissions, or choose another folder with --data-dir or "
                    + "LINKDESK_HOME.", e);
        }
    }

    private static String describe(Path dir, Exception e) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return "a file is in the way: " + p;
                }
                break;
            }
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        return run(work, true);
    }

    /** Runs read-only {@code work}; anything it writes is rolled back. */
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
            return retrying(directory, pool, () -> runOnce(work, commit));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, directory);
        }
    }

    private <T> T runOnce(SqlWork<T> work, boolean commit) throws SQLException {
        if (closed) {
            throw new StoreException("Linkdesk has already closed its database in " + directory + ".");
        }
        Connection c = pool.borrow();
        boolean broken = false;
        try {
            c.setAutoCommit(false);
            joined.set(c);
            T result = work.run(c);
            if (commit) {
                c.commit();
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

    /**
     * Runs {@code attempt} again while the failure is one that passes: the process serving the database exited (so
     * nothing was committed, and another process or this one takes over the file), or others are opening it.
     */
    private static <T> T retrying(Path dir, ConnectionPool pool, OpenLock.Locked<T> attempt) throws SQLException {
        long start = System.nanoTime();
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (SQLException | RuntimeException e) {
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                long limit = SqlErrors.isHeldWithoutServer(e) ? HELD_WITHOUT_SERVER_MILLIS : RETRY_MILLIS;
                if (!SqlErrors.isPassing(e) || elapsedMillis > limit || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                if (SqlErrors.isConnectionLost(e)) {
                    pool.discardIdle();
                }
                LOG.info("The database in {} is changing hands ({}); trying again", dir, SqlErrors.code(e));
                pause(n);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(500, 20L * attempt * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** Closes this process's connections; other processes sharing the database keep working. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pool.close();
        }
    }
}
