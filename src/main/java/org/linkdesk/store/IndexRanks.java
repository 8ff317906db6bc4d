package org.linkdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.tx.Transaction;
import org.h2.mode.DefaultNullOrdering;
import org.h2.result.SearchRow;
import org.h2.result.SortOrder;
import org.h2.table.IndexColumn;
import org.h2.table.Table;
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
        MVSecondaryIndex index = indexFor(session, query.sort());
        if (index == null || someoneIsWriting(session)) {
            return Optional.empty();
        }
        MVMap<SearchRow, VersionedValue<org.h2.value.Value>> map = index.getMVMap();
        long size = map.sizeAsLong();
        if (size != shares) {
            return Optional.empty();
        }
        int n = (int) Math.max(0, Math.min(limit, size - offset));
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            long rank = query.descending() ? size - 1 - offset - i : offset + i;
            SearchRow entry = map.getKey(rank);
            VersionedValue<?> value = entry == null ? null : map.get(entry);
            if (value == null || value.getOperationId() != 0) {
                return Optional.empty();   // changed since the size was read, or not committed yet
            }
            ids[i] = entry.getKey();
        }
        return Optional.of(MatchLists.page(c, ids, 0, n));
    }

    /** The share index whose columns are exactly the sort's (then the id), each as ORDER BY … ASC sorts it; or null. */
    private static MVSecondaryIndex indexFor(SessionLocal session, HistorySort sort) {
        Table table = session.getDatabase().getMainSchema().findTableOrView(session, "SHARE");
        if (!(table instanceof MVTable mv) || !isIdTheRowKey(mv)) {
            return null;
        }
        DefaultNullOrdering nulls = session.getDatabase().getDefaultNullOrdering();
        int ascending = nulls.addExplicitNullOrdering(SortOrder.ASCENDING);
        int descending = nulls.addExplicitNullOrdering(SortOrder.DESCENDING);
        // ORDER BY … DESC must be the index's order backwards, NULLs included (true for H2's default, LOW).
        int reversedNulls = (ascending & SortOrder.NULLS_FIRST) != 0 ? SortOrder.NULLS_LAST : SortOrder.NULLS_FIRST;
        if (descending != (SortOrder.DESCENDING | reversedNulls)) {
            return null;
        }
        List<String> wanted = Arrays.stream(sort.columns()).map(s -> s.toUpperCase(Locale.ROOT)).toList();
        for (Index candidate : mv.getIndexes()) {
            if (candidate instanceof MVSecondaryIndex secondary
                    && matches(secondary.getIndexColumns(), wanted, nulls, ascending)) {
                return secondary;
            }
        }
        return null;
    }

    /** A transaction (of any connection) with changes not committed yet: index positions may include them. */
    private static boolean someoneIsWriting(SessionLocal session) {
        for (Transaction t : H2Engine.transactions(session).getOpenTransactions()) {
            if (t.hasChanges()) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(IndexColumn[] columns, List<String> wanted, DefaultNullOrdering nulls,
                                   int ascending) {
        int n = columns.length;
        if (n == wanted.size() + 1 && columns[n - 1].column.getName().equals("ID")) {
            n--;
        }
        if (n != wanted.size()) {
            return false;
        }
        for (int i = 0; i < columns.length; i++) {
            if (nulls.addExplicitNullOrdering(columns[i].sortType) != ascending
                    || i < n && !columns[i].column.getName().equals(wanted.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The entries' keys are H2's row keys; they are share ids only when the id column is the row key. */
    private static boolean isIdTheRowKey(MVTable table) {
        int main = table.getMainIndexColumn();
        return main >= 0 && table.getColumn(main).getName().equals("ID");
    }
}
