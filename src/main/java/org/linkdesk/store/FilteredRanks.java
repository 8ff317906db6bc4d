package org.linkdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.result.SearchRow;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarchar;
import org.h2.value.VersionedValue;

/**
 * A page of a filtered history (bucket, profile, method, tag, status, date ranges) in any sort order, found without
 * reading a row it skips. When the sort's index is led by the one column filtered (a bucket in creation order, or
 * sorted by bucket), the page is found by rank in that index range. Otherwise the filter's ids are read from the
 * indexes led by its columns ({@link FilterIds}) and the sort's index is walked from the nearer end, counting only
 * entries whose id matches. Before, such pages walked {@code OFFSET} through SQL or read every match's id in sort
 * order once ({@link MatchLists}): 0.6 s for the middle of a bucket by key, 2.4 s for a tag, 8 s for the first page
 * of GET links by expiry, 100 s for the first page of the expired links by key, at a million shares.
 *
 * <p>Answers only what it can answer exactly: no transaction with uncommitted changes open, every entry it reads
 * committed, as many matches as the tallies count (where they count the query), and the table unchanged (its
 * {@code LAST_MODIFICATION}) from before the first read to after the last. Otherwise it answers nothing and the page
 * is read as before.
 */
final class FilteredRanks {
    /**
     * A walk is taken when it reads at most this many index entries per row that SQL would read for the same filter
     * ({@link FilterIds#rows}): reading those rows in order (SQL, or a {@link MatchLists} list) cost 3.6–4.8 µs each
     * warm and 15 µs cold, a walk 0.05–0.08 µs per index entry warm and 0.35–0.7 µs cold (1 M shares, 2026-12-05).
     */
    private static final long WALK_PER_ROW = 40;
    /** A walk always may read this many entries (a millisecond or two), however few its estimate. */
    private static final double MIN_WALK = 20_000;

    private FilteredRanks() {
    }

    static boolean applies(HistoryQuery query) {
        return FilterIds.covers(query);
    }

    /**
     * Whether even a first page is quicker this way: a bucket, profile or method filter in an order not led by that
     * column, the expired links or a date range in any order but its own, for which H2 reads and sorts every match
     * (80 s for the expired links sorted by key at a million, 17 s for a year's links). A tag alone is not: H2 walks
     * the sort's index then.
     */
    static boolean beatsSql(HistoryQuery q) {
        HistorySort sort = q.sort();
        boolean created = q.createdFrom() != null || q.createdTo() != null;
        boolean expires = q.expiresFrom() != null || q.expiresTo() != null;
        return applies(q) && sort != HistorySort.CREATED
                && (q.bucket() != null && sort != HistorySort.BUCKET
                || q.profile() != null && sort != HistorySort.PROFILE
                || q.method() != null && sort != HistorySort.METHOD
                || q.status() == ShareStatus.EXPIRED || created || expires && sort != HistorySort.EXPIRES);
    }

    /**
     * The page at {@code offset} of a query that {@link #applies}, its status (if any) as at {@code now}; empty when
     * this way cannot answer it exactly.
     */
    static Optional<List<HistoryEntry>> page(Connection c, HistoryQuery query, Instant now, long offset, int limit)
            throws SQLException {
        return page(c, query, now, offset, limit, WALK_PER_ROW);
    }

    /** As above, walking at most {@code walkPerRow} index entries per row SQL reads (tests take any walk). */
    static Optional<List<HistoryEntry>> page(Connection c, HistoryQuery query, Instant now, long offset, int limit,
                                             long walkPerRow) throws SQLException {
        if (!applies(query) || offset < 0 || limit <= 0) {
            return Optional.empty();
        }
        SessionLocal session = H2Engine.session(c);
        Order order = Order.of(session, query);
        if (order == null || ShareIndexes.someoneIsWriting(session)) {
            return Optional.empty();
        }
        long stamp = MatchLists.stamp(c);
        // The tallies' count (at the same instant as the ids below) cross-checks the ids wherever it can count them.
        long tallied = HistoryTally.counts(query) ? HistoryTally.count(c, query, now) : -1;
        FilterIds ids = null;
        long matches = tallied;
        if (order.range == null || !order.onlyFilter) {
            ids = FilterIds.of(c, session, query, now);
            if (ids == null || tallied >= 0 && ids.count() != tallied) {
                return Optional.empty();
            }
            matches = ids.count();
        }
        if (matches < 0) {
            return Optional.empty();
        }
        long end = Math.min(matches, offset + limit);
        int n = (int) Math.max(0, end - offset);
        // Few rows for SQL to read, far from both ends: SQL or a match list is cheaper than the walk. The walk gives
        // up past a few times its estimate too: the matches may be bunched away from the end it starts at.
        double budget = Double.MAX_VALUE;
        if (ids != null && n > 0) {
            double estimate = walkLength(order, matches, Math.min(offset, matches - end) + n);
            double cheaper = (double) walkPerRow * ids.rows();
            if (estimate > cheaper) {
                return Optional.empty();
            }
            budget = walkPerRow == Long.MAX_VALUE ? Double.MAX_VALUE
                    : Math.min(cheaper, Math.max(4 * estimate, MIN_WALK));
        }
        long[] page;
        if (n == 0) {
            page = new long[0];
        } else if (ids == null) {
            page = byRank(order, query.descending(), matches, offset, n);
        } else {
            boolean fromEnd = matches - end < offset;
            boolean reverse = query.descending() != order.sort.backwards() != fromEnd;
            page = walk(order, ids, reverse, fromEnd ? matches - end : offset, n, budget);
            if (page != null && fromEnd) {
                reverse(page);
            }
        }
        if (page == null || MatchLists.stamp(c) != stamp || ShareIndexes.someoneIsWriting(session)) {
            return Optional.empty();
        }
        return Optional.of(MatchLists.page(c, page, 0, n));
    }

    /**
     * About how many index entries a walk reads to pass {@code wanted} matches from the nearer end, if the matches are
     * spread evenly through the index (or the range of it walked).
     */
    private static double walkLength(Order order, long matches, long wanted) {
        MVMap<SearchRow, VersionedValue<Value>> map = order.sort.map();
        long entries = order.range == null ? map.sizeAsLong()
                : insertionPoint(map, order.range[1]) - insertionPoint(map, order.range[0]);
        return (double) wanted * entries / Math.max(1, matches);
    }

    /** The ids at positions {@code offset ..} of the range (counted from its end when descending). */
    private static long[] byRank(Order order, boolean descending, long matches, long offset, int n) {
        MVMap<SearchRow, VersionedValue<Value>> map = order.sort.map();
        long first = insertionPoint(map, order.range[0]);
        if (insertionPoint(map, order.range[1]) - first != matches) {
            return null;
        }
        return ShareIndexes.idsAtRanks(map, first, matches, offset, n, descending);
    }

    /** Where a bound (never an entry itself: its key is Long.MIN or MAX) would go. */
    private static long insertionPoint(MVMap<SearchRow, ?> map, SearchRow bound) {
        long index = map.getKeyIndex(bound);
        return index < 0 ? -index - 1 : index;
    }

    /**
     * The ids of {@code n} matching entries after skipping {@code skip} of them; null if one is not committed, or if
     * that takes more than {@code budget} entries (the matches are bunched away from this end, as recent links are
     * among the NULL notes sorted by id).
     */
    private static long[] walk(Order order, FilterIds ids, boolean reverse, long skip, int n, double budget) {
        Cursor<SearchRow, VersionedValue<Value>> cursor = ShareIndexes.cursor(order.sort.map(), order.range, reverse);
        long[] page = new long[n];
        long seen = 0;
        int taken = 0;
        long entries = 0;
        while (taken < n && cursor.hasNext()) {
            long id = cursor.next().getKey();
            if (cursor.getValue().getOperationId() != 0 || ++entries > budget) {
                return null;
            }
            if (ids.contains(id) && seen++ >= skip) {
                page[taken++] = id;
            }
        }
        return taken == n ? page : null;
    }

    private static void reverse(long[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * The index giving the query's order, and the range of it to read when the query fixes the index's first
     * column ({@code onlyFilter}: and filters nothing else, so every entry of the range matches).
     */
    private record Order(ShareIndexes.SortIndex sort, SearchRow[] range, boolean onlyFilter) {
        static Order of(SessionLocal session, HistoryQuery q) {
            if (q.sort() == HistorySort.CREATED) {
                // The history's SQL orders a bucket, profile or method filter by (that column, created_at, id).
                for (String column : new String[] {"BUCKET", "PROFILE_NAME", "METHOD"}) {
                    Value value = fixed(q, column);
                    if (value != null) {
                        MVSecondaryIndex index = ShareIndexes.ledBy(session, column);
                        return index == null || !ShareIndexes.thenCreated(index) ? null : new Order(
                                new ShareIndexes.SortIndex(index, false), ShareIndexes.range(index, value),
                                onlyFilter(q, column));
                    }
                }
            }
            ShareIndexes.SortIndex sort = ShareIndexes.forSort(session, q.sort());
            if (sort == null) {
                return null;
            }
            String first = sort.index().getIndexColumns()[0].column.getName();
            Value value = sort.backwards() ? null : fixed(q, first);
            return new Order(sort, value == null ? null : ShareIndexes.range(sort.index(), value),
                    value != null && onlyFilter(q, first));
        }

        /** The value the query fixes for a column, or null. */
        private static Value fixed(HistoryQuery q, String column) {
            return switch (column) {
                case "BUCKET" -> q.bucket() == null ? null : ValueVarchar.get(q.bucket());
                case "PROFILE_NAME" -> q.profile() == null ? null
                        : q.profile().equals(HistoryQuery.ENVIRONMENT) ? ValueNull.INSTANCE
                        : ValueVarchar.get(q.profile());
                case "METHOD" -> q.method() == null ? null : ValueVarchar.get(q.method().name());
                default -> null;
            };
        }

        private static boolean onlyFilter(HistoryQuery q, String column) {
            int filters = (q.bucket() != null ? 1 : 0) + (q.profile() != null ? 1 : 0) + (q.method() != null ? 1 : 0)
                    + (q.tag() != null ? 1 : 0);
            boolean timed = q.status() != null || q.createdFrom() != null || q.createdTo() != null
                    || q.expiresFrom() != null || q.expiresTo() != null;
            return filters == 1 && !timed && fixed(q, column) != null;
        }
    }
}
