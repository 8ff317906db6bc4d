package org.linkdesk.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import org.linkdesk.store.HistoryCount;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistorySummary;
import org.linkdesk.store.ShareRecord;

/** Counting team history rows: exact, at once (exact when quick, else the planner's estimate), and the summary. */
final class TeamHistoryCounts {
    /** How long an exact count may take before the view is given an estimate instead (the exact count follows). */
    static final int QUICK_COUNT_MILLIS = 300;
    private static final String QUERY_CANCELED = "57014";
    static final int SAMPLE_ROWS = 20_000;

    private TeamHistoryCounts() {
    }

    static long count(Connection c, HistoryQuery q, Instant now) throws SQLException {
        TeamHistorySql sql = TeamHistorySql.of(q, now);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM share" + sql.where)) {
            sql.bind(ps, 1);
            return single(ps);
        }
    }

    /**
     * The exact count when it takes less than {@value #QUICK_COUNT_MILLIS} ms (a filter on an index, a rare search
     * word); else an estimate from a sample of the table, marked inexact.
     */
    static HistoryCount quick(Connection c, HistoryQuery q, Instant now) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = " + QUICK_COUNT_MILLIS);
            long exact = count(c, q, now);
            s.execute("SET LOCAL statement_timeout = 0");
            c.releaseSavepoint(before);
            return new HistoryCount(exact, true);
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before);
        }
        return new HistoryCount(estimate(c, q, now), false);
    }

    /**
     * The matches in a sample of about {@value #SAMPLE_ROWS} rows (whole random pages, the same pages each time so
     * the estimate does not jump between calls), scaled up. The planner's own estimate was off by half for a word in
     * 10 % of rows; a sample of 20 000 rows is within a few percent for any word common enough to need it.
     */
    static long estimate(Connection c, HistoryQuery q, Instant now) throws SQLException {
        double rows;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT reltuples FROM pg_class WHERE oid = 'share'::regclass")) {
            try (ResultSet rs = ps.executeQuery()) {
                rows = rs.next() ? rs.getDouble(1) : -1;
            }
        }
        if (rows < SAMPLE_ROWS) {
            return count(c, q, now);
        }
        double percent = 100.0 * SAMPLE_ROWS / rows;
        TeamHistorySql sql = TeamHistorySql.of(q, now);
        try (PreparedStatement ps = c.prepareStatement(String.format(Locale.ROOT,
                "SELECT count(*) FROM share TABLESAMPLE SYSTEM (%.4f) REPEATABLE (16)%s", percent, sql.where))) {
            sql.bind(ps, 1);
            return Math.round(single(ps) * 100.0 / percent);
        }
    }

    /** Only unexpired rows are counted by state (a short range of the expiry index); the expired are the rest. */
    static HistorySummary summary(Connection c, Instant now) throws SQLException {
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM share")) {
            total = single(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), "
                + "count(*) FILTER (WHERE object_state = 'GONE'), count(*) FILTER (WHERE object_state = 'CHANGED'), "
                + "count(*) FILTER (WHERE expires_at <= ? AND object_state NOT IN ('GONE', 'CHANGED')) "
                + "FROM share WHERE expires_at > ?")) {
            ps.setObject(1, TeamHistorySql.utc(now.plus(ShareRecord.EXPIRING_WINDOW)));
            ps.setObject(2, TeamHistorySql.utc(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long unexpired = rs.getLong(1);
                long gone = rs.getLong(2);
                long changed = rs.getLong(3);
                long expiring = rs.getLong(4);
                return new HistorySummary(total, unexpired - gone - changed - expiring, expiring, total - unexpired,
                        gone, changed);
            }
        }
    }

    static long expired(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM share WHERE expires_at <= ?")) {
            ps.setObject(1, TeamHistorySql.utc(before));
            return single(ps);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
