package org.linkdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few reusable connections. Unlike H2's own pool it can throw a connection away: one whose session died with the
 * process that was serving the database must not be handed out again.
 */
final class ConnectionPool {
    private final Path directory;
    private final String url;
    private final Properties credentials = new Properties();
    private final Semaphore permits;
    private final long waitMillis;
    /** Idle connections, most recently used first. Guarded by {@code this}. */
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(Path directory, String url, String user, String password, int maxConnections, long waitMillis) {
        this.directory = directory;
        this.url = url;
        this.credentials.setProperty("user", user);
        this.credentials.setProperty("password", password);
        this.permits = new Semaphore(maxConnections, true);
        this.waitMillis = waitMillis;
    }

    Connection borrow() throws SQLException {
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("all connections are in use");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a connection", e);
        }
        try {
            Connection c;
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("connection pool closed");
                }
                c = idle.pollFirst();
            }
            if (c != null && !c.isClosed()) {
                return c;
            }
            return OpenLock.hold(directory, waitMillis, () -> org.h2.Driver.load().connect(url, credentials));
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a connection; a {@code broken} one (or any after {@link #close()}) is closed instead of kept. */
    void giveBack(Connection c, boolean broken) {
        try {
            boolean kept = false;
            if (!broken && !c.isClosed()) {
                synchronized (this) {
                    if (!closed) {
                        idle.addFirst(c);
                        kept = true;
                    }
                }
            }
            if (!kept) {
                closeQuietly(c);
            }
        } catch (SQLException e) {
            closeQuietly(c);
        } finally {
            permits.release();
        }
    }

    /** Closes the idle connections, after one of them was found dead: they all went to the same server. */
    void discardIdle() {
        synchronized (this) {
            while (!idle.isEmpty()) {
                closeQuietly(idle.pollFirst());
            }
        }
    }

    /** Closes the idle connections now and the borrowed ones as they come back. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        discardIdle();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Already broken; nothing more to release.
        }
    }
}
