package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A count the History view can show at once. Filters are counted exactly from the tallies; a search is counted
 * exactly when the search index leaves few candidates, and otherwise estimated: the share of rows the search
 * index (or, for words under three characters, a sample of the newest rows) says match, times the filters' count.
 */
final class QuickCounts {
    /** Up to this many candidates, verifying them is quick enough to count exactly. */
    static final long EXACT_CANDIDATES = 2_000;
    static final int SAMPLE_ROWS = 10_000;

    private QuickCounts() {
    }

    static HistoryCount count(Connection c, HistoryQuery q, Instant now) throws SQLException {
        if (HistoryTally.counts(q)) {
            return new HistoryCount(HistoryTally.count(c, q, now), true);
        }
        if (q.search() == null) {
            // Only date ranges are beyond the tallies: an index range, counted as is.
            return new HistoryCount(HistoryMatches.count(c, q, now), true);
        }
        List<String> terms = q.terms();
        long candidates = TrigramIndex.candidateCount(c, terms);
        if (candidates == 0) {
            return new HistoryCount(0, true);
        }
        if (candidates > 0 && candidates <= EXACT_CANDIDATES) {
            return new HistoryCount(HistoryMatches.count(c, q, now), true);
        }
        long total = HistoryTally.sum(c, HistoryQuery.NEWEST_FIRST);
        if (total == 0) {
            return new HistoryCount(0, true);
        }
        double share = candidates > 0 ? (double) candidates / total : sampleShare(c, terms, total);
        HistoryQuery filters = q.withSearch(null);
        double base;
        if (HistoryTally.counts(filters)) {
            base = HistoryTally.count(c, filters, now);
        } else {
            // Date ranges: the filters' count scaled by the share of links created in the range.
            base = HistoryTally.sum(c, filters) * HistoryTally.createdShare(c, q.createdFrom(), q.createdTo(), total);
        }
        return new HistoryCount(Math.round(share * base), false);
    }

    /** The share of the newest {@link #SAMPLE_ROWS} rows that contain every term. */
    private static double sampleShare(Connection c, List<String> terms, long total) throws SQLException {
        List<Object> params = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        for (String term : terms) {
            conditions.add(HistorySql.termMatch(params, term));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT object_key, "
                + "bucket, note, recipient FROM share ORDER BY created_at DESC, id DESC LIMIT " + SAMPLE_ROWS
                + ") WHERE " + String.join(" AND ", conditions))) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (double) rs.getLong(1) / Math.min(SAMPLE_ROWS, total);
            }
        }
    }
}
