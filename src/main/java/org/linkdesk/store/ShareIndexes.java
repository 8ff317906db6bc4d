package org.linkdesk.store;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.mode.DefaultNullOrdering;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.tx.Transaction;
import org.h2.result.SearchRow;
import org.h2.result.SortOrder;
import org.h2.table.Column;
import org.h2.table.IndexColumn;
import org.h2.table.Table;
import org.h2.value.Value;
import org.h2.value.VersionedValue;

/**
 * The {@code share} table's indexes as H2 keeps them, for the deep pages found without an {@code OFFSET} walk
 * ({@link IndexRanks}, {@link FilteredRanks}). An index entry's key is the share id only when the id is the table's
 * row key, which every method here checks first.
 */
final class ShareIndexes {
    private ShareIndexes() {
    }

    /**
     * An index whose order is a sort's {@code ORDER BY column… , id} order: forwards, or backwards when
     * {@code backwards} (an index of descending, non-null columns read from its end).
     */
    record SortIndex(MVSecondaryIndex index, boolean backwards) {
        MVMap<SearchRow, VersionedValue<Value>> map() {
            return index.getMVMap();
        }
    }

    /**
     * The ids of entries {@code offset .. offset+n} of the {@code size} entries from rank {@code first} of
     * {@code map} (counted from the last of them when {@code descending}), each found by rank in O(log n); null when
     * one is gone or not committed (changed since {@code size} was measured).
     */
    static long[] idsAtRanks(MVMap<SearchRow, VersionedValue<Value>> map, long first, long size, long offset, int n,
                             boolean descending) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            SearchRow entry = map.getKey(first + (descending ? size - 1 - offset - i : offset + i));
            VersionedValue<?> value = entry == null ? null : map.get(entry);
            if (value == null || value.getOperationId() != 0) {
                return null;
            }
            ids[i] = entry.getKey();
        }
        return ids;
    }

    /** The share table, when H2 stores it as an MVStore table keyed by the share id; else null. */
    static MVTable shareTable(SessionLocal session) {
        Table table = session.getDatabase().getMainSchema().findTableOrView(session, "SHARE");
        if (!(table instanceof MVTable mv)) {
            return null;
        }
        int main = mv.getMainIndexColumn();
        return main >= 0 && mv.getColumn(main).getName().equals("ID") ? mv : null;
    }

    /** The index giving {@code sort}'s order (its columns exactly, then the id); or null. */
    static SortIndex forSort(SessionLocal session, HistorySort sort) {
        MVTable table = shareTable(session);
        if (table == null) {
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
        for (Index candidate : table.getIndexes()) {
            if (candidate instanceof MVSecondaryIndex secondary && hasColumns(secondary.getIndexColumns(), wanted)) {
                if (allSorted(secondary.getIndexColumns(), nulls, ascending, false)) {
                    return new SortIndex(secondary, false);
                }
                if (endsWithId(secondary.getIndexColumns())
                        && allSorted(secondary.getIndexColumns(), nulls, descending, true)) {
                    return new SortIndex(secondary, true);
                }
            }
        }
        return null;
    }

    /** An index led by {@code column} ascending, for reading the ids of the shares with one value of it; or null. */
    static MVSecondaryIndex ledBy(SessionLocal session, String column) {
        MVTable table = shareTable(session);
        if (table == null) {
            return null;
        }
        for (Index candidate : table.getIndexes()) {
            if (candidate instanceof MVSecondaryIndex secondary) {
                IndexColumn first = secondary.getIndexColumns()[0];
                if (first.column.getName().equals(column) && (first.sortType & SortOrder.DESCENDING) == 0) {
                    return secondary;
                }
            }
        }
        return null;
    }

    /** Whether an index's columns after its first are (created_at) or (created_at, id), ascending. */
    static boolean thenCreated(MVSecondaryIndex index) {
        IndexColumn[] columns = index.getIndexColumns();
        if (columns.length < 2 || columns.length > 3 || !columns[1].column.getName().equals("CREATED_AT")
                || columns.length == 3 && !columns[2].column.getName().equals("ID")) {
            return false;
        }
        for (IndexColumn column : columns) {
            if ((column.sortType & SortOrder.DESCENDING) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bounds of the entries of {@code index} whose first column equals {@code value}: {@code [0]} before the
     * first of them, {@code [1]} after the last (H2 compares a search row's missing columns as equal, then the key).
     */
    static SearchRow[] range(MVSecondaryIndex index, Value value) {
        return new SearchRow[] {bound(index, Long.MIN_VALUE, value), bound(index, Long.MAX_VALUE, value)};
    }

    /**
     * A search row for {@code index} holding {@code leading} as its first columns (the others left open) and row key
     * {@code key}: with {@code Long.MIN_VALUE} it sorts before every entry with those leading values, with
     * {@code Long.MAX_VALUE} after them.
     */
    static SearchRow bound(MVSecondaryIndex index, long key, Value... leading) {
        SearchRow row = index.getRowFactory().createRow();
        IndexColumn[] columns = index.getIndexColumns();
        for (int i = 0; i < leading.length; i++) {
            row.setValue(columns[i].column.getColumnId(), leading[i]);
        }
        row.setKey(key);
        return row;
    }

    /**
     * A cursor over {@code map} between two bounds ({@code bounds} or either of them may be null: from the start,
     * to the end), backwards when {@code reverse}.
     */
    static Cursor<SearchRow, VersionedValue<Value>> cursor(MVMap<SearchRow, VersionedValue<Value>> map,
                                                           SearchRow[] bounds, boolean reverse) {
        if (bounds == null) {
            return map.cursor(null, null, reverse);
        }
        return reverse ? map.cursor(bounds[1], bounds[0], true) : map.cursor(bounds[0], bounds[1], false);
    }

    /** A transaction (of any connection) with changes not committed yet: index positions may include them. */
    static boolean someoneIsWriting(SessionLocal session) {
        for (Transaction t : H2Engine.transactions(session).getOpenTransactions()) {
            if (t.hasChanges()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasColumns(IndexColumn[] columns, List<String> wanted) {
        int n = columns.length;
        if (n == wanted.size() + 1 && columns[n - 1].column.getName().equals("ID")) {
            n--;
        }
        if (n != wanted.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!columns[i].column.getName().equals(wanted.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Ties broken by an id column of the index's own direction (the row key after it always ascends). */
    private static boolean endsWithId(IndexColumn[] columns) {
        return columns[columns.length - 1].column.getName().equals("ID");
    }

    /**
     * Every column sorted as {@code order} (with the database's null ordering); with {@code notNull}, only columns
     * that cannot be NULL (a descending index read backwards is then exactly the ascending order).
     */
    private static boolean allSorted(IndexColumn[] columns, DefaultNullOrdering nulls, int order,
                                     boolean notNull) {
        for (IndexColumn column : columns) {
            if (nulls.addExplicitNullOrdering(column.sortType) != order || notNull && column.column.isNullable()) {
                return false;
            }
        }
        return true;
    }
}
