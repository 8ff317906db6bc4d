package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The newest matches of a search with many candidates, without looking all of them up: candidates are read a few
 * id blocks at a time, newest blocks first, and the walk stops once no older block ({@code share_block}) can hold
 * a share created after the last one needed. Exact even when imports put old shares under new ids.
 */
final class NewestMatches {
    /** Deeper pages than this use the ordinary query. */
    static final int MAX_ROWS = 2_000;
    private static final int MIN_CHUNK = 256;

    private record Match(long id, Instant createdAt) {
    }

    private NewestMatches() {
    }

    /** The ids of rows offset..offset+limit, or empty when this walk does not apply to the query. */
    static Optional<List<Long>> page(Connection c, HistoryQuery q, Instant now, long offset, int limit)
            throws SQLException {
        return page(c, q, now, offset, limit, HistorySql.MAX_CANDIDATES, MIN_CHUNK);
    }

    /** With fewer than {@code minCandidates} candidates the ordinary query is quicker (empty is returned). */
    static Optional<List<Long>> page(Connection c, HistoryQuery q, Instant now, long offset, int limit,
                                     int minCandidates, int firstChunk) throws SQLException {
        List<String> terms = q.terms();
        if (terms.isEmpty() || q.sort() != HistorySort.CREATED || !q.descending() || offset + limit > MAX_ROWS) {
            return Optional.empty();
        }
        Optional<long[]> candidates = TrigramIndex.candidates(c, terms, Integer.MAX_VALUE);
        if (candidates.isEmpty() || candidates.get().length <= minCandidates) {
            return Optional.empty();
        }
        long[] ids = candidates.get();
        int need = (int) (offset + limit);
        Comparator<Match> newest = Comparator.comparing(Match::createdAt).thenComparingLong(Match::id).reversed();
        List<Match> found = new ArrayList<>();
        int i = 0;
        int chunk = firstChunk;
        while (i < ids.length) {
            int j = i;
            do {
                int block = Postings.block(ids[j]);
                while (j < ids.length && Postings.block(ids[j]) == block) {
                    j++;
                }
            } while (j < ids.length && j - i < chunk);
            HistorySql sql = HistorySql.withCandidates(c, q, now, Arrays.copyOfRange(ids, i, j));
            try (PreparedStatement ps = c.prepareStatement("SELECT share.id, created_at" + sql.from + sql.where)) {
                sql.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Match(rs.getLong(1), ShareStore.instant(rs, "created_at")));
                    }
                }
            }
            i = j;
            chunk *= 2;
            if (found.size() >= need && i < ids.length) {
                found.sort(newest);
                Instant last = found.get(need - 1).createdAt();
                Instant bound = newestBelow(c, Postings.block(ids[i - 1]));
                if (bound == null || !bound.isAfter(last)) {
                    break;
                }
            }
        }
        found.sort(newest);
        List<Long> page = new ArrayList<>();
        for (int k = (int) offset; k < Math.min(need, found.size()); k++) {
            page.add(found.get(k).id());
        }
        return Optional.of(page);
    }

    private static Instant newestBelow(Connection c, int block) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(max_created) FROM share_block WHERE block < ?")) {
            ps.setInt(1, block);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return ShareStore.instant(rs, 1);
            }
        }
    }

    static void recordCreated(Connection c, long id, Instant createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO share_block (block, max_created) KEY (block) "
                + "VALUES (?, GREATEST(?, COALESCE((SELECT max_created FROM share_block WHERE block = ?), ?)))")) {
            int block = Postings.block(id);
            ps.setInt(1, block);
            ps.setObject(2, ShareStore.utc(createdAt));
            ps.setInt(3, block);
            ps.setObject(4, ShareStore.utc(createdAt));
            ps.executeUpdate();
        }
    }

    static void rebuild(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM share_block");
            st.executeUpdate("INSERT INTO share_block (block, max_created) SELECT CAST(id / " + Postings.BLOCK_SIZE
                    + " AS INT), MAX(created_at) FROM share GROUP BY CAST(id / " + Postings.BLOCK_SIZE + " AS INT)");
        }
    }
}
