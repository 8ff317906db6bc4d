package org.linkdesk.team;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.linkdesk.store.Database;
import org.linkdesk.store.SqlAccess;
import org.linkdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's PostgreSQL database: a HikariCP pool, and the schema in {@code db/team} brought up to date by Flyway
 * on the first connection. Opening never fails when the server is down: the first unit of work says so
 * ({@link TeamDatabaseException#unreachable()}), and a later one retries.
 */
public final class TeamDatabase implements SqlAccess, AutoCloseable {
    static final String LOCATION = "classpath:db/team";
    private static final Logger LOG = LoggerFactory.getLogger(TeamDatabase.class);

    private final TeamConnection connection;
    private final HikariDataSource pool;
    private volatile boolean migrated;

    private TeamDatabase(TeamConnection connection, HikariDataSource pool) {
        this.connection = connection;
        this.pool = pool;
    }

    /** A pool of at most {@code maxConnections}; nothing is contacted yet. */
    public static TeamDatabase open(TeamConnection connection, int maxConnections) {
        return open(connection, maxConnections, null);
    }

    /**
     * As {@link #open(TeamConnection, int)}, asking {@code password} for the password of each new connection when
     * the connection has none (it may come from the vault, unlocked after start-up); null from it: the driver's.
     */
    public static TeamDatabase open(TeamConnection connection, int maxConnections,
                                    java.util.function.Supplier<String> password) {
        HikariConfig config = new HikariConfig();
        if (connection.password() == null && password != null) {
            config.setCredentialsProvider(() -> com.zaxxer.hikari.util.Credentials.of(connection.user(),
                    password.get()));
        }
        config.setPoolName("linkdesk-team");
        config.setJdbcUrl(connection.url());
        if (connection.user() != null) {
            config.setUsername(connection.user());
        }
        if (connection.password() != null) {
            config.setPassword(connection.password());
        }
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(0);
        config.setAutoCommit(false);
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(5));
        config.setValidationTimeout(TimeUnit.SECONDS.toMillis(3));
        // Start without a connection: a team member offline still makes links (they wait in the outbox).
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("ApplicationName", "Linkdesk");
        // Errors without row values (a failed batch otherwise lists every parameter, sealed URLs and notes included,
        // in messages and in the pool's log).
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new TeamDatabase(connection, new HikariDataSource(config));
    }

    public TeamConnection connection() {
        return connection;
    }

    /** Brings the schema up to date now (it is also done before the first unit of work). */
    public void migrate() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (migrated) {
                return;
            }
            try {
                Flyway.configure().dataSource(pool).locations(LOCATION).table("linkdesk_schema_history")
                        .baselineOnMigrate(false).validateMigrationNaming(true).load().migrate();
            } catch (FlywayException e) {
                throw translate(e);
            }
            migrated = true;
        }
    }

    /** Logs in once without touching the schema ("Test connection"): the server's version, or why not. */
    public String serverVersion() {
        try (Connection c = pool.getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            String version = rs.getString(1);
            c.rollback();
            return version;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public <T> T inTransaction(Database.SqlWork<T> work) {
        return run(work, true);
    }

    @Override
    public <T> T read(Database.SqlWork<T> work) {
        return run(work, false);
    }

    private <T> T run(Database.SqlWork<T> work, boolean commit) {
        migrate();
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool drops it.
        }
    }

    /** A message a user can act on: unreachable, login refused, missing database, or else what failed. */
    StoreException translate(Throwable e) {
        SQLException sql = find(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String where = connection.safeUrl();
        if (state.equals("08004")) {
            // The driver's "connection rejected": the server asked for a password and none was given.
            return new TeamDatabaseException("The team database at " + where + " asks for a password and none was "
                    + "given. Give it in the team settings (kept in the vault: unlock Linkdesk), PGPASSWORD or "
                    + "~/.pgpass.", false, e);
        }
        // 57P01-57P03: the server is shutting down, crashed or still starting (a pooled session it just ended).
        if (state.startsWith("08") || state.startsWith("57P") || sql == null && isTimeout(e)) {
            return new TeamDatabaseException("The team database at " + where + " cannot be reached. Links you "
                    + "make wait on this computer and are sent when it is back.", true, e);
        }
        if (state.startsWith("28")) {
            return new TeamDatabaseException("The team database at " + where + " refused the login. Check the user "
                    + "and password (environment PGUSER/PGPASSWORD, ~/.pgpass, or the team settings).", false, e);
        }
        if (state.equals("3D000")) {
            return new TeamDatabaseException("The team database at " + where + " does not exist. Ask its "
                    + "administrator to create it (createdb), then try again.", false, e);
        }
        if (state.equals("42501")) {
            return new TeamDatabaseException("The team database at " + where + " does not let this user create "
                    + "or change Linkdesk's tables. Ask its administrator for the rights of the database owner.",
                    false, e);
        }
        LOG.debug("Team database failure (SQLState {})", state, e);
        return new TeamDatabaseException("The team database at " + where + " could not complete the request ("
                + shortReason(e) + ").", false, e);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static SQLException find(Throwable e) {
        SQLException found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                found = s;
                if (s.getSQLState() != null) {
                    return s;
                }
            }
        }
        return found;
    }

    private static String shortReason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    @Override
    public void close() {
        pool.close();
    }
}
