package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code share_trigram} side table: finds the shares whose key, bucket, note or recipient may contain a
 * substring, without scanning the share table. Candidates are a superset; callers verify them with LIKE.
 */
final class TrigramIndex {
    static final int MIN_TERM = 3;
    private static final char SEPARATOR = '\u001f';

    private TrigramIndex() {
    }

    /** The text indexed for one share: its searchable fields, lower-cased. */
    static String text(String bucket, String key, String note, String recipient) {
        return lower(bucket) + SEPARATOR + lower(key) + SEPARATOR + lower(note) + SEPARATOR + lower(recipient);
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    static long trigram(CharSequence s, int at) {
        return ((long) s.charAt(at) << 32) | ((long) s.charAt(at + 1) << 16) | s.charAt(at + 2);
    }

    /** Adds postings for the shares in {@code texts} (id to {@link #text}), merging with what is stored. */
    static void add(Connection c, Map<Long, String> texts) throws SQLException {
        Map<Long, Map<Integer, IntList>> pending = collect(new TreeMap<>(texts));
        try (PreparedStatement read = c.prepareStatement(
                "SELECT postings FROM share_trigram WHERE trigram = ? AND block = ?");
             PreparedStatement write = c.prepareStatement(
                     "MERGE INTO share_trigram (trigram, block, postings) KEY (trigram, block) VALUES (?, ?, ?)")) {
            for (var byTrigram : pending.entrySet()) {
                for (var byBlock : byTrigram.getValue().entrySet()) {
                    read.setLong(1, byTrigram.getKey());
                    read.setInt(2, byBlock.getKey());
                    byte[] existing = null;
                    try (ResultSet rs = read.executeQuery()) {
                        if (rs.next()) {
                            existing = rs.getBytes(1);
                        }
                    }
                    IntList offsets = byBlock.getValue();
                    write.setLong(1, byTrigram.getKey());
                    write.setInt(2, byBlock.getKey());
                    write.setBytes(3, Postings.merge(existing, offsets.values, offsets.size));
                    write.addBatch();
                }
            }
            write.executeBatch();
        }
    }

    private static Map<Long, Map<Integer, IntList>> collect(Map<Long, String> texts) {
        Map<Long, Map<Integer, IntList>> pending = new HashMap<>();
        for (var e : texts.entrySet()) {
            long id = e.getKey();
            String text = e.getValue();
            int block = Postings.block(id);
            int offset = Postings.offset(id);
            for (int i = 0; i + MIN_TERM <= text.length(); i++) {
                IntList list = pending.computeIfAbsent(trigram(text, i), t -> new HashMap<>())
                        .computeIfAbsent(block, b -> new IntList());
                list.addIfNotLast(offset);
            }
        }
        return pending;
    }

    /** Rebuilds the whole index from the share table, a block of ids at a time. */
    static void rebuild(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM share_trigram");
        }
        Map<Long, String> block = new HashMap<>();
        int current = -1;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, bucket, object_key, note, recipient FROM share ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (Postings.block(id) != current && !block.isEmpty()) {
                    insertFresh(c, block);
                    block.clear();
                }
                current = Postings.block(id);
                block.put(id, text(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        if (!block.isEmpty()) {
            insertFresh(c, block);
        }
        NewestMatches.rebuild(c);
    }

    /** Writes postings for ids of one block that has none stored yet. */
    private static void insertFresh(Connection c, Map<Long, String> texts) throws SQLException {
        TreeMap<Long, String> sorted = new TreeMap<>(texts);
        Map<Long, Map<Integer, IntList>> pending = collect(sorted);
        try (PreparedStatement write = c.prepareStatement(
                "INSERT INTO share_trigram (trigram, block, postings) VALUES (?, ?, ?)")) {
            int batched = 0;
            for (var byTrigram : pending.entrySet()) {
                for (var byBlock : byTrigram.getValue().entrySet()) {
                    IntList offsets = byBlock.getValue();
                    write.setLong(1, byTrigram.getKey());
                    write.setInt(2, byBlock.getKey());
                    write.setBytes(3, Postings.encode(offsets.values, offsets.size));
                    write.addBatch();
                    if (++batched % 5_000 == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
    }

    /**
     * The ids (newest first) of shares that may contain every term, or empty when the index cannot narrow the
     * search: every term is shorter than {@link #MIN_TERM}, or there are more than {@code max} candidates.
     */
    static Optional<long[]> candidates(Connection c, List<String> lowerTerms, int max) throws SQLException {
        // Short terms have no trigram: the index narrows by the others, and LIKE checks the short ones.
        Map<Integer, long[]> blocks = intersect(c, trigrams(lowerTerms));
        return blocks == null ? Optional.empty() : toIds(blocks, max);
    }

    /**
     * How many shares may contain every term (a few more than match: the trigrams may be apart, and postings of
     * edited or deleted shares stay), or -1 when every term is shorter than {@link #MIN_TERM}.
     */
    static long candidateCount(Connection c, List<String> lowerTerms) throws SQLException {
        Map<Integer, long[]> blocks = intersect(c, trigrams(lowerTerms));
        if (blocks == null) {
            return -1;
        }
        long count = 0;
        for (long[] bits : blocks.values()) {
            for (long word : bits) {
                count += Long.bitCount(word);
            }
        }
        return count;
    }

    /** Per block, the bits of the ids holding every trigram; null when there is no trigram to look up. */
    private static Map<Integer, long[]> intersect(Connection c, List<Long> trigrams) throws SQLException {
        if (trigrams.isEmpty()) {
            return null;
        }
        List<Map<Integer, byte[]>> lists = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT block, postings FROM share_trigram WHERE trigram = ?")) {
            for (long t : trigrams) {
                ps.setLong(1, t);
                Map<Integer, byte[]> blocks = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        blocks.put(rs.getInt(1), rs.getBytes(2));
                    }
                }
                if (blocks.isEmpty()) {
                    return Map.of();
                }
                lists.add(blocks);
            }
        }
        // Rarest first, so the intersection shrinks fastest.
        lists.sort((a, b) -> Integer.compare(a.size(), b.size()));
        Map<Integer, long[]> result = null;
        for (Map<Integer, byte[]> blocks : lists) {
            Map<Integer, long[]> next = new HashMap<>();
            for (var e : blocks.entrySet()) {
                long[] previous = result == null ? null : result.get(e.getKey());
                if (result != null && previous == null) {
                    continue;
                }
                long[] bits = new long[Postings.BLOCK_SIZE / 64];
                Postings.decodeInto(e.getValue(), bits);
                if (previous != null) {
                    boolean any = false;
                    for (int i = 0; i < bits.length; i++) {
                        bits[i] &= previous[i];
                        any |= bits[i] != 0;
                    }
                    if (!any) {
                        continue;
                    }
                }
                next.put(e.getKey(), bits);
            }
            result = next;
            if (result.isEmpty()) {
                return Map.of();
            }
        }
        return result;
    }

    /** The distinct trigrams of the terms of at least {@link #MIN_TERM} characters. */
    static List<Long> trigrams(List<String> lowerTerms) {
        List<Long> trigrams = new ArrayList<>();
        for (String term : lowerTerms) {
            for (int i = 0; i + MIN_TERM <= term.length(); i++) {
                long t = trigram(term, i);
                if (!trigrams.contains(t)) {
                    trigrams.add(t);
                }
            }
        }
        return trigrams;
    }

    /** The ids in one block (newest first) holding every trigram: one primary-key lookup per trigram. */
    static long[] blockCandidates(PreparedStatement lookup, List<Long> trigrams, int block) throws SQLException {
        long[] bits = null;
        for (long t : trigrams) {
            lookup.setLong(1, t);
            lookup.setInt(2, block);
            byte[] postings;
            try (ResultSet rs = lookup.executeQuery()) {
                if (!rs.next()) {
                    return new long[0];
                }
                postings = rs.getBytes(1);
            }
            long[] next = new long[Postings.BLOCK_SIZE / 64];
            Postings.decodeInto(postings, next);
            if (bits != null) {
                for (int i = 0; i < next.length; i++) {
                    next[i] &= bits[i];
                }
            }
            bits = next;
        }
        return toIds(Map.of(block, bits), Integer.MAX_VALUE).orElseThrow();
    }

    static final String BLOCK_LOOKUP = "SELECT postings FROM share_trigram WHERE trigram = ? AND block = ?";

    private static Optional<long[]> toIds(Map<Integer, long[]> blocks, int max) {
        int count = 0;
        for (long[] bits : blocks.values()) {
            for (long word : bits) {
                count += Long.bitCount(word);
            }
        }
        if (count > max) {
            return Optional.empty();
        }
        long[] ids = new long[count];
        int n = 0;
        List<Integer> order = new ArrayList<>(blocks.keySet());
        order.sort((a, b) -> Integer.compare(b, a));
        for (int block : order) {
            long[] bits = blocks.get(block);
            for (int w = bits.length - 1; w >= 0; w--) {
                long word = bits[w];
                while (word != 0) {
                    int bit = 63 - Long.numberOfLeadingZeros(word);
                    ids[n++] = Postings.id(block, w * 64 + bit);
                    word &= ~(1L << bit);
                }
            }
        }
        return Optional.of(ids);
    }

    /** A growable int array. */
    static final class IntList {
        int[] values = new int[4];
        int size;

        void addIfNotLast(int value) {
            if (size > 0 && values[size - 1] == value) {
                return;
            }
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
