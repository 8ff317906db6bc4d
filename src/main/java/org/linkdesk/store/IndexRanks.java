package org.linkdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.MVMap;
import org.h2.result.SearchRow;
import org.h2.value.Value;
import org.h2.value.VersionedValue;

/**
 * A deep page of the whole history in a sort order with its own index, found by rank instead of by walking.
 *
 * <p>An {@code OFFSET} walk, or reading the ids of every share in that order ({@link MatchLists}), costs about
 * 0.6 µs per row skipped: 0.6 s for the middle of a million. H2's B-trees count the entries below each page, so
 * the entry at a given position of an index is found in O(log n) ({@code MVMap.getKey(long)}). The index of a sort
 * holds its columns then the share id, in the same order as that sort's {@code ORDER BY} (same comparison, NULLs
 * first, ties by id); a descending sort counts from the end.
 *
 * <p>Used only when nothing can make the positions differ from what a query would see: no filter or search; an
 * index whose columns are exactly the sort's, ascending; no transaction with uncommitted changes open (on any
 * connection); the index holding exactly as many entries as there are shares; every entry of the page
 * committed. Otherwise it answers nothing and the page is read as before.
 */
final class IndexRanks {
    private IndexRanks() {
    }

    /** The whole history (no filter, no search) in a sort order other than creation time. */
    static boolean applies(HistoryQuery query) {
        return query.sort() != HistorySort.CREATED
                && query.equals(HistoryQuery.NEWEST_FIRST.sortedBy(query.sort(), query.descending()));
    }

    /**
     * The page at {@code offset} (rows in the query's order) of a query that {@link #applies}, {@code shares} being
     * how many shares there are; empty when this way cannot answer it exactly.
     */
    static Optional<List<HistoryEntry>> page(Connection c, HistoryQuery query, long shares, long offset, int limit)
            throws SQLException {
        if (!applies(query) || offset < 0 || limit <= 0) {
            return Optional.empty();
        }
        SessionLocal session = H2Engine.session(c);
        ShareIndexes.SortIndex index = ShareIndexes.forSort(session, query.sort());
        if (index == null || index.backwards() || ShareIndexes.someoneIsWriting(session)) {
            return Optional.empty();
        }
        MVMap<SearchRow, VersionedValue<Value>> map = index.map();
        long size = map.sizeAsLong();
        if (size != shares) {
            return Optional.empty();
        }
        int n = (int) Math.max(0, Math.min(limit, size - offset));
        long[] ids = ShareIndexes.idsAtRanks(map, 0, size, offset, n, query.descending());
        return ids == null ? Optional.empty() : Optional.of(MatchLists.page(c, ids, 0, n));
    }
}
