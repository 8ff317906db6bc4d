package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ids of a search's or filter's matches in the query's order, kept while the {@code share} table is unchanged:
 * after one walk (which an exact count of a search has to make anyway) the exact count is the list's length and any
 * page, the middle and the last included, is a slice of it read by primary key, instead of an OFFSET walk that
 * checks every skipped row again. A list is valid for the table version it was read at: H2 moves a table's
 * {@code LAST_MODIFICATION} on every commit that changes it (whoever writes), so a changed table is read again.
 * Queries with a status are not kept: their matches change with the clock.
 */
final class MatchLists {
    /** Pages before this offset are cheap to walk; the first ones are also served by faster paths. */
    static final long DEEP_OFFSET = 2_000;
    private static final int KEPT_LISTS = 4;
    private static final String STAMP = "SELECT LAST_MODIFICATION FROM INFORMATION_SCHEMA.TABLES "
            + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'SHARE'";

    private record Key(HistoryQuery query, long stamp) {
    }

    private final Map<Key, long[]> lists = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, long[]> eldest) {
            return size() > KEPT_LISTS;
        }
    };

    /** Whether {@code query}'s matches can be kept (they do not depend on the time of asking). */
    static boolean keeps(HistoryQuery query) {
        return query.status() == null;
    }

    /** The matching ids in the query's order, read now or kept from an earlier read of the same table version. */
    long[] ids(Connection c, HistoryQuery query, Instant now) throws SQLException {
        // The version is read first: a commit after it makes the list newer than its key, never older.
        Key key = new Key(query, stamp(c));
        synchronized (lists) {
            long[] kept = lists.get(key);
            if (kept != null) {
                return kept;
            }
        }
        long[] ids = read(c, query, now);
        synchronized (lists) {
            lists.keySet().removeIf(k -> k.stamp() != key.stamp());
            lists.put(key, ids);
        }
        return ids;
    }

    /** The kept list for {@code query} when the table has not changed since it was read. */
    Optional<long[]> kept(Connection c, HistoryQuery query) throws SQLException {
        Key key = new Key(query, stamp(c));
        synchronized (lists) {
            return Optional.ofNullable(lists.get(key));
        }
    }

    /** Rows {@code offset .. offset+limit} of {@code ids}, in that order. */
    static List<HistoryEntry> page(Connection c, long[] ids, long offset, int limit) throws SQLException {
        int from = (int) Math.min(ids.length, offset);
        int to = (int) Math.min(ids.length, offset + limit);
        List<Long> slice = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            slice.add(ids[i]);
        }
        Map<Long, HistoryEntry> byId = new HashMap<>();
        for (HistoryEntry e : HistoryRows.byIds(c, slice)) {
            byId.put(e.share().id(), e);
        }
        List<HistoryEntry> rows = new ArrayList<>(slice.size());
        for (Long id : slice) {
            HistoryEntry e = byId.get(id);
            if (e != null) {   // deleted by a commit after the stamp was read: the next call reads the list again
                rows.add(e);
            }
        }
        return rows;
    }

    private static long[] read(Connection c, HistoryQuery query, Instant now) throws SQLException {
        HistorySql sql = HistorySql.forCount(c, query, now);
        if (sql.nothing) {
            return new long[0];
        }
        // Streamed instead of buffered first (H2 copies a large result to a temporary file): 1 000 000 ids in key
        // order took 1.4–2.3 s instead of 2.4–9.5 s.
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        try {
            return read(c, query, sql);
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
    }

    private static long[] read(Connection c, HistoryQuery query, HistorySql sql) throws SQLException {
        if (query.sort() == HistorySort.CREATED) {
            return byCreation(c, sql, query.descending());
        }
        LongArray ids = new LongArray();
        try (PreparedStatement ps = c.prepareStatement("SELECT share.id" + sql.from + sql.where
                + sql.orderBy(false))) {
            ps.setFetchSize(10_000);
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.toArray();
    }

    /**
     * In creation order, sorted here: with ORDER BY, H2 walks the creation index and reads each row at random, which
     * took several times longer than its plan without an order (the candidates by id, or the table in storage order).
     * Equality filters named first in {@link HistorySql#orderBy} are constant within the result, so (created_at, id)
     * is the same order.
     */
    private static long[] byCreation(Connection c, HistorySql sql, boolean descending) throws SQLException {
        List<Match> matches = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT share.id, created_at" + sql.from + sql.where)) {
            ps.setFetchSize(10_000);
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant created = ShareStore.instant(rs, 2);
                    matches.add(new Match(rs.getLong(1), created.getEpochSecond(), created.getNano()));
                }
            }
        }
        Comparator<Match> order = Comparator.comparingLong(Match::seconds).thenComparingInt(Match::nanos)
                .thenComparingLong(Match::id);
        matches.sort(descending ? order.reversed() : order);
        long[] ids = new long[matches.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = matches.get(i).id();
        }
        return ids;
    }

    private record Match(long id, long seconds, int nanos) {
    }

    /** The {@code share} table's version: moved by every commit that changes it, whoever writes. */
    static long stamp(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STAMP); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
