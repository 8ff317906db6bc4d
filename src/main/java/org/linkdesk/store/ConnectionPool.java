package org.linkdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few reusable connections to the embedded database. H2 closes the file when the last connection closes, which is
 * how a process hands the file over ({@link #discardIdle()} while no unit of work runs). Unlike H2's own pool it can
 * throw a broken connection away instead of handing it out again.
 */
final class ConnectionPool {
    private final String url;
    private final Properties credentials = new Properties();
    private final Semaphore permits;
    private final long waitMillis;
    /** Idle connections, most recently used first. Guarded by {@code this}. */
    private final Deque<Connection> idle = new ArrayDeque<>();

    ConnectionPool(String url, String user, String password, int maxConnections, long waitMillis) {
        this.url = url;
        this.credentials.setProperty("user", user);
        this.credentials.setProperty("password", password);
        this.permits = new Semaphore(maxConnections, true);
        this.waitMillis = waitMillis;
    }

    String url() {
        return url;
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
                c = idle.pollFirst();
            }
            if (c != null && !c.isClosed()) {
                return c;
            }
            return org.h2.Driver.load().connect(url, credentials);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a connection; a {@code broken} one is closed instead of kept. */
    void giveBack(Connection c, boolean broken) {
        try {
            boolean kept = false;
            if (!broken && !c.isClosed()) {
                synchronized (this) {
                    idle.addFirst(c);
                    kept = true;
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

    /** Closes the idle connections; when none is borrowed, H2 then closes the file. */
    void discardIdle() {
        synchronized (this) {
            while (!idle.isEmpty()) {
                closeQuietly(idle.pollFirst());
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Already broken; nothing more to release.
        }
    }
}
