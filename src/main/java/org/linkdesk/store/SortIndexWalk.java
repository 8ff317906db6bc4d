package org.linkdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.h2.api.ErrorCode;

/**
 * A page near either end of a common filter in another column's order, read by SQL told to walk the sort's index
 * ({@code USE INDEX}) and check each row, instead of letting H2 take the filter's index and sort every match (8 s for
 * the first page of GET links by expiry at a million shares; {@link FilteredRanks} reads every match's id first,
 * 20–100 ms). Taken only when the matches are dense enough that the walk should stop within {@link #MAX_ROWS} rows,
 * and stopped after {@link #BUDGET_MS}: matches can be bunched far from the end walked (a bucket used only lately,
 * sorted by a column whose NULLs are ordered by id), and then the other paths answer. Either way the page is the
 * same; only the time differs.
 */
final class SortIndexWalk {
    static final long MAX_ROWS = 20_000;
    static final int BUDGET_MS = 50;

    private SortIndexWalk() {
    }

    /** A filter that H2 would sort and that the tallies count (a creation range only alone). */
    static boolean applies(HistoryQuery q) {
        return FilteredRanks.beatsSql(q) && HistoryTally.counts(q);
    }

    /** The page at {@code offset}, or empty when this way is not worth it or took too long. */
    static Optional<List<HistoryEntry>> page(Connection c, HistoryQuery q, Instant now, long offset, int limit)
            throws SQLException {
        ShareIndexes.SortIndex index = ShareIndexes.forSort(H2Engine.session(c), q.sort());
        if (!applies(q) || index == null || offset < 0 || limit <= 0) {
            return Optional.empty();
        }
        long matches = HistoryTally.count(c, q, now);
        long end = Math.min(matches, offset + limit);
        if (offset >= end) {
            return Optional.of(List.of());
        }
        boolean fromEnd = matches - end < offset;
        long start = fromEnd ? matches - end : offset;
        int size = (int) (end - offset);
        if ((double) (start + size) * index.map().sizeAsLong() / matches > MAX_ROWS) {
            return Optional.empty();
        }
        HistorySql sql = HistorySql.of(c, q, now);
        if (sql.nothing) {
            return Optional.of(List.of());
        }
        if (!sql.from.equals(" FROM share")) {
            return Optional.empty();
        }
        setTimeout(c, BUDGET_MS);
        try {
            String byIndex = " FROM share USE INDEX (" + index.index().getName() + ")";
            return Optional.of(HistoryMatches.sqlPage(c, sql, byIndex, fromEnd, start, size));
        } catch (SQLException e) {
            if (SqlErrors.code(e) == ErrorCode.STATEMENT_WAS_CANCELED) {
                return Optional.empty();
            }
            throw e;
        } finally {
            setTimeout(c, 0);
        }
    }

    private static void setTimeout(Connection c, int millis) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET QUERY_TIMEOUT " + millis);
        }
    }
}
