package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The history as the History view and {@code linkdesk history} use it: filtered, searched and sorted pages that never
 * load the whole table, counts, details, object checks and purging. Thread-safe. A personal history has one maker,
 * so {@link HistoryQuery#madeBy()} does not filter here.
 */
public final class HistoryStore implements HistoryRepository {
    private final Database database;
    private final MatchLists matchLists = new MatchLists();

    public HistoryStore(Database database) {
        this.database = database;
    }

    /**
     * Rows {@code offset .. offset+limit} of the query's result. With {@code knownCount} (else pass -1) a page past
     * the middle is read from the other end, so the last page is as quick as the first.
     */
    @Override
    public List<HistoryEntry> page(HistoryQuery query, Instant now, long offset, int limit, long knownCount) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
        return database.read(c -> limit == 0 ? List.of()
                : HistoryMatches.page(c, query, now, offset, limit, knownCount, matchLists));
    }

    /** How many shares match the query. */
    @Override
    public long count(HistoryQuery query, Instant now) {
        return database.read(c -> HistoryMatches.count(c, query, now, matchLists));
    }

    /**
     * How many shares match, at once: exact for filters the tallies count, else an estimate from the search index
     * (or a sample) that {@link #count} then makes exact.
     */
    @Override
    public HistoryCount quickCount(HistoryQuery query, Instant now) {
        return database.read(c -> {
            if (MatchLists.keeps(query) && !HistoryTally.counts(query)) {
                Optional<long[]> kept = matchLists.kept(c, query);
                if (kept.isPresent()) {
                    return new HistoryCount(kept.get().length, true);
                }
            }
            return QuickCounts.count(c, query, now);
        });
    }

    /** Every matching share, in the query's order, one at a time (for export): never all in memory. */
    @Override
    public void forEach(HistoryQuery query, Instant now, Consumer<HistoryEntry> action) {
        database.read(c -> {
            HistoryMatches.forEach(c, query, now, action);
            return null;
        });
    }

    /**
     * Counts for the summary bar. Only unexpired shares are counted row by row (a short range of the expiry index);
     * the expired are the rest of the total, which H2 knows without counting.
     */
    @Override
    public HistorySummary summary(Instant now) {
        Instant soon = now.plus(ShareRecord.EXPIRING_WINDOW);
        return database.read(c -> {
            long total = single(c, "SELECT COUNT(*) FROM share");
            long unexpired = single(c, "SELECT COUNT(*) FROM share WHERE expires_at > ?", ShareStore.utc(now));
            long gone = single(c, "SELECT COUNT(*) FROM share WHERE object_state = 'GONE' AND expires_at > ?",
                    ShareStore.utc(now));
            long changed = single(c, "SELECT COUNT(*) FROM share WHERE object_state = 'CHANGED' AND expires_at > ?",
                    ShareStore.utc(now));
            long expiring = single(c, "SELECT COUNT(*) FROM share WHERE expires_at > ? AND expires_at <= ? "
                    + "AND object_state NOT IN ('GONE', 'CHANGED')", ShareStore.utc(now), ShareStore.utc(soon));
            return new HistorySummary(total, unexpired - gone - changed - expiring, expiring, total - unexpired,
                    gone, changed);
        });
    }

    @Override
    public Optional<HistoryEntry> entry(long id) {
        return database.read(c -> HistoryRows.find(c, id));
    }

    /** Replaces the note, recipient and tags; returns the updated entry (empty if it was deleted meanwhile). */
    @Override
    public Optional<HistoryEntry> updateDetails(long id, ShareDetails details) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE share SET note = ?, recipient = ?, tags = ? WHERE id = ?")) {
                ps.setString(1, details.note());
                ps.setString(2, details.recipient());
                ps.setString(3, details.storedTags());
                ps.setLong(4, id);
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            Optional<HistoryEntry> updated = HistoryRows.find(c, id);
            if (updated.isPresent()) {
                ShareRecord s = updated.get().share();
                TrigramIndex.add(c, Map.of(id, TrigramIndex.text(s.bucket(), s.key(), details.note(),
                        details.recipient())));
            }
            return updated;
        });
    }

    /**
     * Records what a HEAD found: {@code etag} null with {@code found} false means gone. The first ETag seen becomes
     * the baseline when none was recorded with the link; a different one later means the object changed.
     */
    @Override
    public Optional<HistoryEntry> recordCheck(long id, boolean found, String etag, String detail, Instant at) {
        return database.inTransaction(c -> {
            Optional<HistoryEntry> current = HistoryRows.find(c, id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            String baseline = current.get().recordedEtag();
            ObjectCheckWrite.write(c, id, baseline, found, etag, detail, at);
            return HistoryRows.find(c, id);
        });
    }

    /** The ids of shares not yet expired (newest first), the ones worth re-checking. */
    @Override
    public long[] unexpiredIds(Instant now) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM share WHERE expires_at > ? ORDER BY expires_at DESC, id DESC")) {
                ps.setObject(1, ShareStore.utc(now));
                try (ResultSet rs = ps.executeQuery()) {
                    LongArray ids = new LongArray();
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                    return ids.toArray();
                }
            }
        });
    }

    /** How many shares expired before {@code expiredBefore}. */
    @Override
    public long countExpired(Instant expiredBefore) {
        return database.read(c -> single(c, "SELECT COUNT(*) FROM share", new Object[0])
                - single(c, "SELECT COUNT(*) FROM share WHERE expires_at > ?", ShareStore.utc(expiredBefore)));
    }

    /** Deletes the shares that expired before {@code expiredBefore}, in one transaction; returns how many. */
    @Override
    public long purgeExpired(Instant expiredBefore) {
        return purgeExpired(expiredBefore, () -> false, deleted -> { });
    }

    /**
     * {@link #purgeExpired(Instant)} in steps of {@value #PURGE_STEP} rows, reporting the rows deleted so far and
     * checking {@code cancelled} between steps: cancelling throws {@link java.util.concurrent.CancellationException}
     * and rolls the whole purge back (all or nothing).
     */
    @Override
    public long purgeExpired(Instant expiredBefore, java.util.function.BooleanSupplier cancelled,
                             java.util.function.LongConsumer progress) {
        return database.inTransaction(c -> {
            long deleted = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM share WHERE id IN (SELECT id FROM share "
                    + "WHERE expires_at <= ? FETCH FIRST " + PURGE_STEP + " ROWS ONLY)")) {
                ps.setObject(1, ShareStore.utc(expiredBefore));
                int n;
                do {
                    if (cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("Cancelled: nothing was purged.");
                    }
                    n = ps.executeUpdate();
                    deleted += n;
                    progress.accept(deleted);
                } while (n == PURGE_STEP);
            }
            return deleted;
        });
    }

    private static final int PURGE_STEP = 1_000;

    /** Deletes these shares from the history; returns how many there were. */
    @Override
    public int delete(long... ids) {
        return database.inTransaction(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM share WHERE id = ?")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    /** The distinct buckets and profile names and tags recorded, for filter choices (at most {@code limit}). */
    @Override
    public List<String> distinct(String column, int limit) {
        if (!List.of("bucket", "profile_name").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return PortableQueries.distinct(database, column, limit);
    }

    @Override
    public Optional<String> setting(String name) {
        return PortableQueries.setting(database, name);
    }

    @Override
    public void setSetting(String name, String value) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO settings (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    /** Rebuilds the search index from the share table (after bulk loading rows directly). */
    @Override
    public void rebuildSearchIndex() {
        database.inTransaction(c -> {
            TrigramIndex.rebuild(c);
            return null;
        });
    }

    private static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
