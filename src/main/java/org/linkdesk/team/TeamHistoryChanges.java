package org.linkdesk.team;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live refresh of the team history: a daemon thread with its own connection LISTENs on {@value #CHANNEL} (the V3
 * triggers notify it after every committed insert, edit or delete) and hands each {@link HistoryChange} to a
 * callback, on that thread. When the database goes away it reconnects with a growing pause (up to
 * {@value #MAX_PAUSE_MILLIS} ms) and then reports {@link HistoryChange.Kind#MISSED}, since notifications sent
 * meanwhile are lost. No JavaFX: a GUI moves the callback to its own thread.
 */
public final class TeamHistoryChanges implements AutoCloseable {
    public static final String CHANNEL = "linkdesk_history";
    private static final Logger LOG = LoggerFactory.getLogger(TeamHistoryChanges.class);
    private static final int POLL_MILLIS = 500;
    /** A quiet connection is probed this often, so a server that vanished silently is noticed. */
    private static final long PROBE_MILLIS = 30_000;
    private static final long FIRST_PAUSE_MILLIS = 500;
    static final long MAX_PAUSE_MILLIS = 30_000;

    private final TeamConnection connection;
    private final Consumer<HistoryChange> callback;
    private final Object pause = new Object();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;

    public TeamHistoryChanges(TeamConnection connection, Consumer<HistoryChange> callback) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.callback = Objects.requireNonNull(callback, "callback");
        this.thread = new Thread(this::run, "linkdesk-team-history-changes");
        thread.setDaemon(true);
    }

    /** Starts listening (connecting in the background; an unreachable database is retried). */
    public TeamHistoryChanges start() {
        thread.start();
        return this;
    }

    /** Whether the listener is connected and listening now. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        boolean connectedBefore = false;
        long wait = FIRST_PAUSE_MILLIS;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(connection.url(), properties())) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                wait = FIRST_PAUSE_MILLIS;
                if (connectedBefore) {
                    deliver(new HistoryChange(HistoryChange.Kind.MISSED, null));
                }
                connectedBefore = true;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.debug("Live refresh of the team history is waiting for {}: {}", connection.safeUrl(),
                            e.toString());
                }
            } finally {
                listening = false;
            }
            sleep(wait);
            wait = Math.min(MAX_PAUSE_MILLIS, wait * 2);
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (!closed) {
            PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
            if (notes != null && notes.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification n : notes) {
                    HistoryChange change = CHANNEL.equals(n.getName()) ? HistoryChange.parse(n.getParameter()) : null;
                    if (change != null) {
                        deliver(change);
                    }
                }
            } else if (System.nanoTime() - lastHeard > PROBE_MILLIS * 1_000_000L) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void deliver(HistoryChange change) {
        try {
            callback.accept(change);
        } catch (RuntimeException e) {
            LOG.warn("The team history's change handler failed on {}", change, e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        if (connection.user() != null) {
            p.setProperty("user", connection.user());
        }
        if (connection.password() != null) {
            p.setProperty("password", connection.password());
        }
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "60");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "Linkdesk live refresh");
        return p;
    }

    private void sleep(long millis) {
        synchronized (pause) {
            if (!closed) {
                try {
                    pause.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    /** Stops listening and waits (briefly) for the thread to end. */
    @Override
    public void close() {
        closed = true;
        synchronized (pause) {
            pause.notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
