package org.linkdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.linkdesk.core.sign.PresignedUrl;

/**
 * One import inside one transaction: rows are inserted as they are read, and their search postings are merged a
 * batch at a time. Merging per row rewrote every posting block of every trigram of the row (hundreds of growing
 * blobs per insert, all kept for the rollback until commit): a 20 000-row import wrote gigabytes. Per batch, each
 * block of a trigram is rewritten once per {@link #BATCH} rows at most.
 */
final class ShareImport {
    /** Rows whose postings are held in memory before they are merged (a few MB at most). */
    static final int BATCH = 2_048;

    private final Connection connection;
    private final Function<String, byte[]> sealer;
    private final ImportDuplicates duplicates;
    private final LongConsumer addedIds;
    private final Map<Long, String> texts = new HashMap<>();
    private int added;
    private int skipped;

    private ShareImport(Connection connection, Function<String, byte[]> sealer, LongConsumer addedIds) {
        this.connection = connection;
        this.addedIds = addedIds;
        this.sealer = sealer;
        this.duplicates = new ImportDuplicates(connection);
    }

    /** Adds every share of {@code feed} not already in the history; the caller's transaction makes it atomic. */
    static ImportResult run(Connection c, ShareFeed feed, Function<String, byte[]> sealer, LongConsumer addedIds)
            throws SQLException {
        ShareImport i = new ShareImport(c, sealer, addedIds);
        while (feed.hasNext()) {
            i.add(feed.next());
        }
        i.flush();
        return new ImportResult(i.added, i.skipped);
    }

    private void add(ImportedShare s) throws SQLException {
        NewShare share = s.share();
        if (duplicates.isDuplicate(share)) {
            skipped++;
            return;
        }
        String redacted = share.url() != null ? PresignedUrl.redact(share.url()) : s.urlRedacted();
        byte[] sealed = share.url() != null ? sealer.apply(share.url()) : null;
        addedIds.accept(ShareInserts.insert(connection, share, redacted == null ? "" : redacted, sealed, s.extras(),
                texts));
        added++;
        if (texts.size() >= BATCH) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (!texts.isEmpty()) {
            TrigramIndex.add(connection, texts);
            texts.clear();
        }
    }
}
