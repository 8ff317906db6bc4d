package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * Keeps {@code share_tally} and {@code share_day} exact on every insert, delete and update of a share, in the same
 * transaction, whoever writes (the app, the CLI, an import, a purge). Created by migration V7; H2 calls it.
 */
public final class ShareTallyTrigger implements Trigger {
    // UPDATE ... SET n = n + ? re-reads the row once it holds its lock, so two writers never lose a count (a
    // value computed from a snapshot would); a key seen for the first time is inserted.
    private static final String[] TALLY = {
        "UPDATE share_tally SET n = n + ? WHERE bucket = ? AND profile_key = ? AND method = ? AND tags = ?",
        "INSERT INTO share_tally (n, bucket, profile_key, method, tags) VALUES (?, ?, ?, ?, ?)"};
    private static final String[] DAY = {
        "UPDATE share_day SET n = n + ? WHERE created_day = ?",
        "INSERT INTO share_day (n, created_day) VALUES (?, ?)"};

    /**
     * Sums of the changes made on this thread while an import runs ({@link #deferring}); null otherwise. Two updates
     * per row (each keeping the old row for the rollback) were a fifth of what a large import wrote.
     */
    private static final ThreadLocal<Map<List<Object>, Long>> DEFERRED = new ThreadLocal<>();

    private int created;
    private int profile;
    private int bucket;
    private int method;
    private int tags;

    @Override
    public void init(Connection c, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                int at = rs.getInt("ORDINAL_POSITION") - 1;
                switch (rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT)) {
                    case "created_at" -> created = at;
                    case "profile_name" -> profile = at;
                    case "bucket" -> bucket = at;
                    case "method" -> method = at;
                    case "tags" -> tags = at;
                    default -> { }
                }
            }
        }
    }

    @Override
    public void fire(Connection c, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && sameTally(oldRow, newRow)) {
            return;
        }
        if (oldRow != null) {
            add(c, oldRow, -1);
        }
        if (newRow != null) {
            add(c, newRow, 1);
        }
    }

    private boolean sameTally(Object[] a, Object[] b) {
        return Objects.equals(a[created], b[created]) && Objects.equals(a[profile], b[profile])
                && Objects.equals(a[bucket], b[bucket]) && Objects.equals(a[method], b[method])
                && Objects.equals(a[tags], b[tags]);
    }

    /**
     * Runs {@code work} (inside the caller's transaction) with the tally changes of this thread's inserts summed in
     * memory; {@link #flushDeferred} writes them, as {@code work} must before it returns.
     */
    static <T> T deferring(Database.SqlWork<T> work, Connection c) throws SQLException {
        DEFERRED.set(new HashMap<>());
        try {
            return work.run(c);
        } finally {
            DEFERRED.remove();
        }
    }

    /** Writes the changes summed so far by {@link #deferring} (one update per tally and day touched). */
    static void flushDeferred(Connection c) throws SQLException {
        Map<List<Object>, Long> deferred = DEFERRED.get();
        for (var e : deferred.entrySet()) {
            List<Object> key = e.getKey();
            if (e.getValue() != 0) {
                bump(c, key.size() == 1 ? DAY : TALLY, e.getValue(), key.toArray());
            }
        }
        deferred.clear();
    }

    private void add(Connection c, Object[] row, int delta) throws SQLException {
        Instant at = row[created] instanceof OffsetDateTime t ? t.toInstant() : ((Timestamp) row[created]).toInstant();
        Object[] tally = {row[bucket], orEmpty(row[profile]), row[method], orEmpty(row[tags])};
        Map<List<Object>, Long> deferred = DEFERRED.get();
        if (deferred != null) {
            deferred.merge(Arrays.asList(tally), (long) delta, Long::sum);
            deferred.merge(List.of(HistoryTally.day(at)), (long) delta, Long::sum);
            return;
        }
        bump(c, TALLY, delta, tally);
        bump(c, DAY, delta, HistoryTally.day(at));
    }

    private static void bump(Connection c, String[] updateThenInsert, long delta, Object... key) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement update = c.prepareStatement(updateThenInsert[0])) {
                bind(update, delta, key);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(updateThenInsert[1])) {
                bind(insert, delta, key);
                insert.executeUpdate();
                return;
            } catch (SQLException e) {
                // Another writer inserted the same key meanwhile: add to its row instead.
                if (attempt > 0 || !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, long delta, Object... key) throws SQLException {
        ps.setLong(1, delta);
        for (int i = 0; i < key.length; i++) {
            ps.setObject(i + 2, key[i]);
        }
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : (String) value;
    }

    @Override
    public void close() {
    }

    @Override
    public void remove() {
    }
}
