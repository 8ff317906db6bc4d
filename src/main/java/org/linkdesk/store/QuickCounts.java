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
    static final int SAMPLE_ROWS = 3_000;
    static final int CHECKED_CANDIDATES = 200;
    static final int SAMPLE_BLOCKS = 8;
    /** Fewer candidates than this in the sampled blocks say too little: the whole index is read instead. */
    static final int MIN_SAMPLED = 200;

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
        long total = HistoryTally.sum(c, HistoryQuery.NEWEST_FIRST);
        double share = newestBlocksShare(c, terms);
        if (Double.isNaN(share)) {
            long candidates = TrigramIndex.candidateCount(c, terms);
            if (candidates >= 0 && candidates <= EXACT_CANDIDATES) {
                return new HistoryCount(candidates == 0 ? 0 : HistoryMatches.count(c, q, now), true);
            }
            share = candidates > 0 ? (double) candidates / Math.max(1, total) : sampleShare(c, terms, total);
        }
        if (total == 0) {
            return new HistoryCount(0, true);
        }
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

    /**
     * The share of the shares in the newest {@link #SAMPLE_BLOCKS} id blocks that the search index gives as
     * candidates: a bounded number of primary-key lookups however common the term. NaN when the words have no
     * trigram, or when the sample holds too few candidates to say (a rare term, which the whole index counts fast).
     */
    private static double newestBlocksShare(Connection c, List<String> terms) throws SQLException {
        List<Long> trigrams = TrigramIndex.trigrams(terms);
        if (trigrams.isEmpty()) {
            return Double.NaN;
        }
        long top;
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM share"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            top = rs.getLong(1);
        }
        int topBlock = Postings.block(top);
        int lowest = Math.max(0, topBlock - SAMPLE_BLOCKS + 1);
        LongArray candidates = new LongArray();
        try (PreparedStatement lookup = c.prepareStatement(TrigramIndex.BLOCK_LOOKUP)) {
            for (int b = topBlock; b >= lowest; b--) {
                for (long id : TrigramIndex.blockCandidates(lookup, trigrams, b)) {
                    candidates.add(id);
                }
            }
        }
        long[] ids = candidates.toArray();
        if (ids.length < MIN_SAMPLED) {
            return Double.NaN;
        }
        // Ids are handed out in order and the newest are rarely deleted: the span is the number of shares (counting
        // them would read every row, H2's primary index being the table itself).
        long live = top - Postings.id(lowest, 0) + 1;
        // Trigrams are not words: check a few candidates, newest first, for every word (short ones too).
        long[] checked = java.util.Arrays.copyOf(ids, Math.min(ids.length, CHECKED_CANDIDATES));
        HistorySql sql = HistorySql.withCandidates(c, HistoryQuery.NEWEST_FIRST.withSearch(String.join(" ", terms)),
                Instant.EPOCH, checked);
        long matched;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + sql.from + sql.where)) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                matched = rs.getLong(1);
            }
        }
        return live == 0 ? Double.NaN : Math.min(1, (double) ids.length / live * matched / checked.length);
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
