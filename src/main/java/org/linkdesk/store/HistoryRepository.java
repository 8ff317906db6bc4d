package org.linkdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The history as the History view, {@code linkdesk history} and their jobs read and edit it: pages that never load
 * the whole table, counts, details, object checks, purging. {@link HistoryStore} keeps a personal history in H2;
 * the team's history on PostgreSQL is {@code team.TeamHistoryStore}. Implementations are thread-safe.
 */
public interface HistoryRepository {

    /**
     * Rows {@code offset .. offset+limit} of the query's result. With {@code knownCount} (else pass -1) a page past
     * the middle may be read from the other end, so the last page is as quick as the first.
     */
    List<HistoryEntry> page(HistoryQuery query, Instant now, long offset, int limit, long knownCount);

    /** How many shares match the query, exactly. */
    long count(HistoryQuery query, Instant now);

    /** How many shares match, at once: exact, or an estimate (marked so) that {@link #count} then makes exact. */
    HistoryCount quickCount(HistoryQuery query, Instant now);

    /** Every matching share, in the query's order, one at a time (for export): never all in memory. */
    void forEach(HistoryQuery query, Instant now, Consumer<HistoryEntry> action);

    /** Counts for the summary bar. */
    HistorySummary summary(Instant now);

    Optional<HistoryEntry> entry(long id);

    /** Replaces the note, recipient and tags; returns the updated entry (empty if it was deleted meanwhile). */
    Optional<HistoryEntry> updateDetails(long id, ShareDetails details);

    /**
     * Records what a HEAD found: {@code found} false means gone. The first ETag seen becomes the baseline when none
     * was recorded with the link; a different one later means the object changed.
     */
    Optional<HistoryEntry> recordCheck(long id, boolean found, String etag, String detail, Instant at);

    /** The ids of shares not yet expired (newest expiry first), the ones worth re-checking. */
    long[] unexpiredIds(Instant now);

    /** How many shares expired before {@code expiredBefore}. */
    long countExpired(Instant expiredBefore);

    /** Deletes the shares that expired before {@code expiredBefore}, all or nothing; returns how many. */
    default long purgeExpired(Instant expiredBefore) {
        return purgeExpired(expiredBefore, () -> false, deleted -> { });
    }

    /**
     * {@link #purgeExpired(Instant)} reporting the rows deleted so far and checking {@code cancelled} between steps:
     * cancelling throws {@link java.util.concurrent.CancellationException} and deletes nothing (all or nothing).
     */
    long purgeExpired(Instant expiredBefore, BooleanSupplier cancelled, LongConsumer progress);

    /** Deletes these shares from the history; returns how many there were. */
    int delete(long... ids);

    /** The distinct values of {@code "bucket"} or {@code "profile_name"} recorded, at most {@code limit}. */
    List<String> distinct(String column, int limit);

    /** A setting kept with the history (e.g. the retention), or empty. */
    Optional<String> setting(String name);

    void setSetting(String name, String value);

    /** Rebuilds the search index after rows were bulk-loaded directly (nothing to do where the database keeps it). */
    void rebuildSearchIndex();
}
