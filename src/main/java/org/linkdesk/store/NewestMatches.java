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
    private static final int MAX_BLOCKS = 24;

    private record Match(long id, Instant createdAt) {
    }

    private NewestMatches() {
    }

    /** The ids of rows offset..offset+limit, or empty when this walk does not apply to the query. */
    static Optional<List<Long>> page(Connection c, HistoryQuery q, Instant now, long offset, int limit)
            throws SQLException {
        return page(c, q, now, offset, limit, MAX_BLOCKS, MIN_CHUNK);
    }

    /** Gives up (empty) after {@code maxBlocks} blocks: the term is rare and the ordinary query is quicker. */
    static Optional<List<Long>> page(Connection c, HistoryQuery q, Instant now, long offset, int limit,
                                     int maxBlocks, int firstChunk) throws SQLException {
        List<String> terms = q.terms();
        if (terms.isEmpty() || q.sort() != HistorySort.CREATED || !q.descending() || offset + limit > MAX_ROWS) {
            return Optional.empty();
        }
        List<Long> trigrams = TrigramIndex.trigrams(terms);
        if (trigrams.isEmpty()) {
            return Optional.empty();
        }
        int need = (int) (offset + limit);
        Comparator<Match> newest = Comparator.comparing(Match::createdAt).thenComparingLong(Match::id).reversed();
        List<Match> found = new ArrayList<>();
        int block = topBlock(c);
        int visited = 0;
        int chunk = firstChunk;
        try (PreparedStatement lookup = c.prepareStatement(TrigramIndex.BLOCK_LOOKUP)) {
            while (block >= 0) {
                long[] ids = new long[0];
                while (block >= 0 && ids.length < chunk) {
                    if (++visited > maxBlocks) {
                        // A rare term: the whole candidate list is short, and the ordinary query is quicker.
                        return Optional.empty();
                    }
                    long[] more = TrigramIndex.blockCandidates(lookup, trigrams, block--);
                    long[] joined = Arrays.copyOf(ids, ids.length + more.length);
                    System.arraycopy(more, 0, joined, ids.length, more.length);
                    ids = joined;
                }
                chunk *= 2;
                if (ids.length > 0) {
                    HistorySql sql = HistorySql.withCandidates(c, q, now, ids);
                    try (PreparedStatement ps = c.prepareStatement("SELECT share.id, created_at" + sql.from
                            + sql.where)) {
                        sql.bind(ps);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                found.add(new Match(rs.getLong(1), ShareStore.instant(rs, "created_at")));
                            }
                        }
                    }
                }
                if (found.size() >= need && block >= 0) {
                    found.sort(newest);
                    Instant bound = newestBelow(c, block + 1);
                    if (bound == null || !bound.isAfter(found.get(need - 1).createdAt())) {
                        break;
                    }
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

    private static int topBlock(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM share")) {
            rs.next();
            return rs.getObject(1) == null ? -1 : Postings.block(rs.getLong(1));
        }
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
