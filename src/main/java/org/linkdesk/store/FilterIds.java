package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.result.SearchRow;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarchar;
import org.h2.value.VersionedValue;

/**
 * The ids of the shares matching a query's bucket, profile, method, tag, status and date ranges, read from the
 * indexes led by those columns without reading a row: each filter is one or more index ranges (a tag: the tag sets
 * holding it, which {@code share_tally} lists; a status: ranges of the expiry indexes, {@link TimeRanges}), and the
 * set is their intersection. A filter that most shares match (method GET, expired) is read as the shares it excludes,
 * which is the shorter read.
 */
final class FilterIds {
    /** Ids up to this many apart are kept as bits (16 MB at most); wider id ranges are left to the other paths. */
    private static final long MAX_SPAN = 1L << 27;

    private final BitSet wanted;     // null: every share not excluded
    private final BitSet excluded;   // null when wanted already leaves them out
    private final long base;
    private final long count;
    private final long rows;

    private FilterIds(BitSet wanted, BitSet excluded, long base, long count, long rows) {
        this.wanted = wanted;
        this.excluded = excluded;
        this.base = base;
        this.count = count;
        this.rows = rows;
    }

    /** Whether a query's only conditions are ones read here (and there is at least one). */
    static boolean covers(HistoryQuery q) {
        return q.search() == null && (q.bucket() != null || q.profile() != null || q.method() != null
                || q.tag() != null || q.status() != null || q.createdFrom() != null || q.createdTo() != null
                || q.expiresFrom() != null || q.expiresTo() != null);
    }

    /**
     * The matching ids, or null when they cannot be read this way (an index missing or not as expected, an entry
     * not committed, ids too far apart).
     */
    static FilterIds of(Connection c, SessionLocal session, HistoryQuery q, Instant now) throws SQLException {
        long[] span = idSpan(c);
        if (span == null) {
            return new FilterIds(new BitSet(), null, 0, 0, 0);
        }
        if (span[1] - span[0] >= MAX_SPAN) {
            return null;
        }
        Reader reader = new Reader(span[0]);
        BitSet wanted = null;
        BitSet excluded = new BitSet();
        List<Part> parts = new ArrayList<>();
        Instant from = q.createdFrom();
        Instant to = q.createdTo();
        if (q.bucket() != null) {
            parts.add(Part.of(c, session, "BUCKET", "bucket", q.bucket(), from, to));
        }
        if (q.profile() != null) {
            parts.add(Part.of(c, session, "PROFILE_NAME", "profile_key",
                    q.profile().equals(HistoryQuery.ENVIRONMENT) ? "" : q.profile(), from, to));
        }
        if (q.method() != null) {
            parts.add(Part.of(c, session, "METHOD", "method", q.method().name(), from, to));
        }
        if (q.tag() != null) {
            parts.add(Part.equal(session, "TAGS", tagSets(c, q.tag()), false));
        }
        if (q.status() != null) {
            parts.addAll(TimeRanges.status(session, q.status(), now));
        }
        if ((from != null || to != null) && parts.stream().noneMatch(Part::withinCreated)) {
            parts.add(TimeRanges.created(session, from, to));
        }
        if (q.expiresFrom() != null || q.expiresTo() != null) {
            parts.add(TimeRanges.expiring(session, q.expiresFrom(), q.expiresTo()));
        }
        long rows = Long.MAX_VALUE;
        for (Part part : parts) {
            BitSet bits = part.ranges == null ? null : reader.read(part.index, part.ranges);
            if (bits == null) {
                return null;
            }
            if (part.excludes) {
                excluded.or(bits);
            } else {
                rows = Math.min(rows, bits.cardinality());
                if (wanted == null) {
                    wanted = bits;
                } else {
                    wanted.and(bits);
                }
            }
        }
        if (wanted != null) {
            wanted.andNot(excluded);
            return new FilterIds(wanted, null, span[0], wanted.cardinality(), rows);
        }
        long total = HistoryTally.sum(c, HistoryQuery.NEWEST_FIRST);
        return new FilterIds(null, excluded, span[0], total - excluded.cardinality(), total);
    }

    boolean contains(long id) {
        long i = id - base;
        if (i < 0 || i >= MAX_SPAN) {
            return false;
        }
        return wanted != null ? wanted.get((int) i) : !excluded.get((int) i);
    }

    long count() {
        return count;
    }

    /**
     * About how many rows SQL reads for the same filter: the shares of its most selective kept condition (an index
     * range), or all of them when each condition is read as what it leaves out.
     */
    long rows() {
        return rows;
    }

    /** The smallest and largest share id; null when there are no shares. */
    private static long[] idSpan(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(id), MAX(id) FROM share");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? null : new long[] {min, rs.getLong(2)};
        }
    }

    /** The tag sets (as stored in {@code share.tags}) that hold {@code tag}. */
    private static List<Value> tagSets(Connection c, String tag) throws SQLException {
        List<Value> sets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT tags FROM share_tally WHERE n > 0 AND tags LIKE ? ESCAPE '\\'")) {
            ps.setString(1, "%," + HistorySql.escapeLike(tag) + ",%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sets.add(ValueVarchar.get(rs.getString(1)));
                }
            }
        }
        return sets;
    }

    /**
     * One condition: ranges of one index (null when the index is missing), and whether they are the shares it
     * leaves out rather than the ones it keeps.
     */
    record Part(MVSecondaryIndex index, List<SearchRow[]> ranges, boolean excludes, boolean withinCreated) {
        Part(MVSecondaryIndex index, List<SearchRow[]> ranges, boolean excludes) {
            this(index, ranges, excludes, false);
        }

        /** The shares whose {@code column} holds one of {@code values} (or, with {@code excludes}, the others). */
        static Part equal(SessionLocal session, String column, List<Value> values, boolean excludes) {
            MVSecondaryIndex index = ShareIndexes.ledBy(session, column);
            if (index == null || index.getIndexColumns()[0].column.getType().getValueType() != Value.VARCHAR) {
                return new Part(null, null, excludes);
            }
            return new Part(index, values.stream().map(v -> ShareIndexes.range(index, v)).toList(), excludes);
        }

        /**
         * An equality filter on {@code column} (named {@code tallyColumn} in {@code share_tally}, where '' stands
         * for NULL): its own value, or every other value when those are fewer shares. Its own value, read from an
         * index of (column, created_at…), is read only within a creation range ({@code from}/{@code to} not both
         * null): {@link #withinCreated}.
         */
        static Part of(Connection c, SessionLocal session, String column, String tallyColumn, String value,
                       Instant from, Instant to) throws SQLException {
            List<Value> others = new ArrayList<>();
            long matching = 0;
            long rest = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + tallyColumn + ", SUM(n) FROM share_tally "
                    + "GROUP BY " + tallyColumn + " HAVING SUM(n) > 0");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals(value)) {
                        matching += rs.getLong(2);
                    } else {
                        rest += rs.getLong(2);
                        others.add(value(rs.getString(1)));
                    }
                }
            }
            if (rest < matching) {
                return equal(session, column, others, true);
            }
            Part own = equal(session, column, List.of(value(value)), false);
            if (own.index == null || from == null && to == null || !ShareIndexes.thenCreated(own.index)) {
                return own;
            }
            return new Part(own.index, List.<SearchRow[]>of(TimeRanges.createdWithin(own.index, value(value), from,
                    to)), false, true);
        }

        private static Value value(String tallied) {
            return tallied.isEmpty() ? ValueNull.INSTANCE : ValueVarchar.get(tallied);
        }
    }

    /** Reads index ranges into bits ({@code id - base}). */
    private record Reader(long base) {
        BitSet read(MVSecondaryIndex index, List<SearchRow[]> ranges) {
            BitSet bits = new BitSet();
            for (SearchRow[] range : ranges) {
                Cursor<SearchRow, VersionedValue<Value>> cursor = ShareIndexes.cursor(index.getMVMap(), range, false);
                while (cursor.hasNext()) {
                    long i = cursor.next().getKey() - base;
                    if (cursor.getValue().getOperationId() != 0 || i < 0 || i >= MAX_SPAN) {
                        return null;   // not committed, or outside the ids read before: the caller falls back to SQL
                    }
                    bits.set((int) i);
                }
            }
            return bits;
        }
    }
}
