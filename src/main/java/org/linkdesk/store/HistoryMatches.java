package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The shares that match a {@link HistoryQuery}: one page of them, how many there are, or each in turn. */
final class HistoryMatches {
    private HistoryMatches() {
    }

    /** See {@link HistoryStore#page}; {@code limit} is positive. */
    static List<HistoryEntry> page(Connection c, HistoryQuery query, Instant now, long offset, int limit,
                                   long knownCount) throws SQLException {
        return page(c, query, now, offset, limit, knownCount, null);
    }

    /** As above; a deep page of a search or filter comes from {@code lists} (kept, or read once) when given. */
    static List<HistoryEntry> page(Connection c, HistoryQuery query, Instant now, long offset, int limit,
                                   long knownCount, MatchLists lists) throws SQLException {
        if (lists != null && MatchLists.keeps(query) && !query.equals(HistoryQuery.NEWEST_FIRST)) {
            Optional<long[]> kept = lists.kept(c, query);   // after an exact count: every page is a slice
            if (kept.isPresent()) {
                return MatchLists.page(c, kept.get(), offset, limit);
            }
        }
        Optional<List<Long>> newest = NewestMatches.page(c, query, now, offset, limit);
        if (newest.isPresent()) {
            return HistoryRows.byIds(c, newest.get());
        }
        if (HistoryTally.seeks(query, offset)) {
            return HistoryTally.page(c, query.descending(), offset, limit);
        }
        // Rows an OFFSET walk would skip, from the nearer end when the count is known (the last page is quick).
        long walk = knownCount > 0 && offset > knownCount / 2 ? Math.max(0, knownCount - offset - limit) : offset;
        if (walk < MatchLists.DEEP_OFFSET && SortIndexWalk.applies(query)) {
            Optional<List<HistoryEntry>> walked = SortIndexWalk.page(c, query, now, offset, limit);
            if (walked.isPresent()) {
                return walked.get();
            }
        }
        if (FilteredRanks.applies(query) && (walk >= MatchLists.DEEP_OFFSET || FilteredRanks.beatsSql(query))) {
            // Pages of a filter in another column's order: H2 would sort every match (seconds for a common one).
            Optional<List<HistoryEntry>> ranked = FilteredRanks.page(c, query, now, offset, limit);
            if (ranked.isPresent()) {
                return ranked.get();
            }
        }
        if (lists != null && walk >= MatchLists.DEEP_OFFSET && MatchLists.keeps(query)) {
            Optional<List<HistoryEntry>> ranked = IndexRanks.applies(query) ? IndexRanks.page(c, query,
                    knownCount > 0 ? knownCount : count(c, query, now, null), offset, limit) : Optional.empty();
            return ranked.isPresent() ? ranked.get() : MatchLists.page(c, lists.ids(c, query, now), offset, limit);
        }
        HistorySql sql = HistorySql.of(c, query, now);
        if (sql.nothing) {
            return List.of();
        }
        boolean fromEnd = knownCount > 0 && offset > knownCount / 2;
        long start = offset;
        int size = limit;
        if (fromEnd) {
            long end = Math.min(knownCount, offset + limit);
            start = knownCount - end;
            size = (int) Math.max(0, end - offset);
        }
        return sqlPage(c, sql, sql.from, fromEnd, start, size);
    }

    /**
     * {@code size} rows from {@code start} of {@code sql}'s matches read through {@code from}, in the query's order;
     * counted from the end (and read in reverse order) when {@code fromEnd}.
     */
    static List<HistoryEntry> sqlPage(Connection c, HistorySql sql, String from, boolean fromEnd, long start,
                                      int size) throws SQLException {
        List<HistoryEntry> rows = new ArrayList<>(size);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HistoryRows.COLUMNS + from + sql.where
                // Literal numbers: with LIMIT ? H2 plans without the limit and may sort instead of walking an index.
                + sql.orderBy(fromEnd) + " LIMIT " + size + " OFFSET " + start)) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(HistoryRows.entry(rs));
                }
            }
        }
        if (fromEnd) {
            Collections.reverse(rows);
        }
        return rows;
    }

    static long count(Connection c, HistoryQuery query, Instant now) throws SQLException {
        return count(c, query, now, null);
    }

    /** As above; a search's matches are kept in {@code lists} (when given), for its deep pages and later counts. */
    static long count(Connection c, HistoryQuery query, Instant now, MatchLists lists) throws SQLException {
        if (HistoryTally.counts(query)) {
            return HistoryTally.count(c, query, now);
        }
        if (lists != null && MatchLists.keeps(query)) {
            return lists.ids(c, query, now).length;
        }
        HistorySql sql = HistorySql.forCount(c, query, now);
        if (sql.nothing) {
            return 0L;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + sql.from + sql.where)) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Streams the matches in the query's order, never holding them all in memory. */
    static void forEach(Connection c, HistoryQuery query, Instant now, Consumer<HistoryEntry> action)
            throws SQLException {
        HistorySql sql = HistorySql.of(c, query, now);
        if (sql.nothing) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HistoryRows.COLUMNS + sql.from + sql.where
                + sql.orderBy(false))) {
            ps.setFetchSize(500);
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(HistoryRows.entry(rs));
                }
            }
        }
    }
}
