package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts and deep pages from the tallies that {@link ShareTallyTrigger} keeps ({@code share_tally},
 * {@code share_day}), instead of reading every matching row.
 */
final class HistoryTally {
    /** Pages this deep or deeper start from a day boundary instead of an OFFSET walk from the first row. */
    static final long SEEK_FROM = 2_000;
    private static final long SECONDS_PER_DAY = 86_400;

    private HistoryTally() {
    }

    static int day(Instant t) {
        return (int) Math.floorDiv(t.getEpochSecond(), SECONDS_PER_DAY);
    }

    /** True when the tallies count this query exactly: filters on bucket, profile, method, tag and status only. */
    static boolean counts(HistoryQuery q) {
        boolean created = q.createdFrom() != null || q.createdTo() != null;
        return q.search() == null && q.expiresFrom() == null && q.expiresTo() == null
                && (!created || q.withCreated(null, null).equals(HistoryQuery.NEWEST_FIRST.sortedBy(q.sort(),
                q.descending())));
    }

    /** The exact count of a query {@link #counts} accepts. */
    static long count(Connection c, HistoryQuery q, Instant now) throws SQLException {
        if (q.createdFrom() != null || q.createdTo() != null) {
            return createdBetween(c, q.createdFrom(), q.createdTo());
        }
        long all = sum(c, q);
        if (q.status() == null) {
            return all;
        }
        HistorySql sql = HistorySql.of(c, q.withStatus(null), now);
        // Unexpired links are the short end of the expiry index; expired ones are all the others.
        String unexpired = (sql.where.isEmpty() ? " WHERE " : sql.where + " AND ");
        if (q.status() == ShareStatus.EXPIRED) {
            return all - single(c, "SELECT COUNT(*) FROM share USE INDEX (share_expires_idx)" + unexpired
                    + "expires_at > ?", sql, ShareStore.utc(now));
        }
        HistorySql withStatus = HistorySql.of(c, q, now);
        return single(c, "SELECT COUNT(*) FROM share USE INDEX (share_expires_idx, share_state_expires_idx)"
                + withStatus.where, withStatus, null);
    }

    /** How many shares match the query's bucket, profile, method and tag (its other conditions ignored). */
    static long sum(Connection c, HistoryQuery q) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<String> params = new ArrayList<>();
        if (q.bucket() != null) {
            conditions.add("bucket = ?");
            params.add(q.bucket());
        }
        if (q.profile() != null) {
            conditions.add("profile_key = ?");
            params.add(q.profile().equals(HistoryQuery.ENVIRONMENT) ? "" : q.profile());
        }
        if (q.method() != null) {
            conditions.add("method = ?");
            params.add(q.method().name());
        }
        if (q.tag() != null) {
            conditions.add("tags LIKE ? ESCAPE '\\'");
            params.add("%," + HistorySql.escapeLike(q.tag()) + ",%");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(n), 0) FROM share_tally" + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** How many shares were created in [from, to): whole days from the day counts, the partial days' rows counted. */
    private static long createdBetween(Connection c, Instant from, Instant to) throws SQLException {
        int firstWhole = from == null ? Integer.MIN_VALUE : day(from) + (from.equals(dayStart(day(from))) ? 0 : 1);
        int endWhole = to == null ? Integer.MAX_VALUE : day(to);
        if (firstWhole >= endWhole) {
            return rowsBetween(c, from, to);
        }
        long whole;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(n), 0) FROM share_day "
                + "WHERE created_day >= ? AND created_day < ?")) {
            ps.setInt(1, firstWhole);
            ps.setInt(2, endWhole);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                whole = rs.getLong(1);
            }
        }
        long head = from == null ? 0 : rowsBetween(c, from, dayStart(firstWhole));
        long tail = to == null ? 0 : rowsBetween(c, dayStart(endWhole), to);
        return whole + head + tail;
    }

    private static Instant dayStart(int day) {
        return Instant.ofEpochSecond(day * SECONDS_PER_DAY);
    }

    private static long rowsBetween(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM share WHERE created_at >= ? "
                + "AND created_at < ?")) {
            ps.setObject(1, ShareStore.utc(from == null ? Instant.EPOCH.minusSeconds(1L << 40) : from));
            ps.setObject(2, ShareStore.utc(to == null ? Instant.EPOCH.plusSeconds(1L << 40) : to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Roughly the share of all {@code total} links created in [from, to) (whole days; null: open end). */
    static double createdShare(Connection c, Instant from, Instant to, long total) throws SQLException {
        if (from == null && to == null) {
            return 1;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(n), 0) FROM share_day WHERE created_day >= ? "
                + "AND created_day <= ?")) {
            ps.setInt(1, from == null ? Integer.MIN_VALUE : day(from));
            ps.setInt(2, to == null ? Integer.MAX_VALUE : day(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.min(1, (double) rs.getLong(1) / total);
            }
        }
    }

    /** True when {@link #page} can find where this page of the query starts. */
    static boolean seeks(HistoryQuery q, long offset) {
        return offset >= SEEK_FROM && q.sort() == HistorySort.CREATED && q.equals(
                HistoryQuery.NEWEST_FIRST.sortedBy(HistorySort.CREATED, q.descending()));
    }

    /**
     * Rows {@code offset .. offset+limit} of the whole history in creation order: the day counts say on which day
     * row {@code offset} was created, so the index walk starts at that day's edge and skips only that day's rows.
     */
    static List<HistoryEntry> page(Connection c, boolean descending, long offset, int limit) throws SQLException {
        long before = 0;
        Integer startDay = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT created_day, n FROM share_day WHERE n <> 0 ORDER BY created_day"
                + (descending ? " DESC" : ""));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(2);
                if (before + n > offset) {
                    startDay = rs.getInt(1);
                    break;
                }
                before += n;
            }
        }
        if (startDay == null) {
            return List.of();
        }
        Instant edge = Instant.ofEpochSecond((startDay + (descending ? 1L : 0L)) * SECONDS_PER_DAY);
        String dir = descending ? " DESC" : " ASC";
        List<HistoryEntry> rows = new ArrayList<>(limit);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HistoryRows.COLUMNS + " FROM share WHERE created_at "
                + (descending ? "< ?" : ">= ?") + " ORDER BY created_at" + dir + ", id" + dir
                + " LIMIT " + limit + " OFFSET " + (offset - before))) {
            ps.setObject(1, ShareStore.utc(edge));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(HistoryRows.entry(rs));
                }
            }
        }
        return Collections.unmodifiableList(rows);
    }

    private static long single(Connection c, String sql, HistorySql bound, Object extra) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bound.bind(ps);
            if (extra != null) {
                ps.setObject(i + 1, extra);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
