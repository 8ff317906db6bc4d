package org.linkdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.linkdesk.core.sign.PresignedUrl;

/**
 * One import, committed in steps of at most {@link ImportPending#STEP_ROWS} rows (each step also extends the
 * import's {@link ImportPending} record to the ids it wrote; the caller makes the whole all or nothing). Rows are inserted as they are read; their search postings, and their changes to
 * the history's tallies, are written once per block of {@link Postings#BLOCK_SIZE} ids. Merging per row rewrote
 * every posting block of every trigram of the row (hundreds of growing blobs per insert, all kept for the rollback
 * until commit): a 20 000-row import wrote gigabytes. Per block, each (trigram, block) is written once (new ids of an
 * import fill blocks in order), and each tally and day once per block instead of once per row.
 */
final class ShareImport {
    private final Connection connection;
    private final Function<String, byte[]> sealer;
    private final ImportDuplicates duplicates;
    private final long pending;
    private final Database.Steps steps;
    private long firstId = -1;
    private long lastId = -1;
    private int inStep;
    private final Map<Long, String> texts = new HashMap<>();
    private final Map<Long, String> added = new HashMap<>();
    private int block = -1;
    private int imported;
    private int skipped;

    private final OutboxWrite team;
    private LongArray stepIds = new LongArray();

    private ShareImport(Connection connection, Function<String, byte[]> sealer, long pending, Database.Steps steps,
                        OutboxWrite team) {
        this.connection = connection;
        this.team = team;
        this.sealer = sealer;
        this.duplicates = new ImportDuplicates(connection);
        this.pending = pending;
        this.steps = steps;
    }

    /**
     * Adds every share of {@code feed} not already in the history, committing every step with {@code steps}, the
     * last one too; the rows stay listed in import record {@code pending} until the caller deletes it.
     */
    static ImportResult run(Connection c, ShareFeed feed, Function<String, byte[]> sealer, long pending,
                            Database.Steps steps, OutboxWrite team) throws SQLException {
        return ShareTallyTrigger.deferring(connection -> {
            ShareImport i = new ShareImport(connection, sealer, pending, steps, team);
            while (feed.hasNext()) {
                i.add(feed.next());
            }
            i.commitStep();
            return new ImportResult(i.imported, i.skipped);
        }, c);
    }

    private void add(ImportedShare s) throws SQLException {
        NewShare share = s.share();
        if (duplicates.isDuplicate(share)) {
            skipped++;
            return;
        }
        String redacted = share.url() != null ? PresignedUrl.redact(share.url()) : s.urlRedacted();
        byte[] sealed = share.url() != null ? sealer.apply(share.url()) : null;
        added.clear();
        long id = ShareInserts.insert(connection, share, redacted == null ? "" : redacted, sealed, s.extras(), added);
        imported++;
        if (Postings.block(id) != block) {
            flush();
            block = Postings.block(id);
        }
        texts.putAll(added);
        firstId = firstId < 0 ? id : firstId;
        lastId = id;
        stepIds.add(id);
        if (++inStep >= ImportPending.STEP_ROWS) {
            commitStep();
        }
    }

    private void commitStep() throws SQLException {
        flush();
        if (inStep > 0) {
            // Team mode: the step's rows are queued with them; an undone import deletes both by id range.
            team.add(connection, stepIds.toArray());
            stepIds = new LongArray();
            ImportPending.extend(connection, pending, firstId, lastId);
            steps.commit();
            inStep = 0;
        }
    }

    private void flush() throws SQLException {
        if (!texts.isEmpty()) {
            TrigramIndex.add(connection, texts);
            texts.clear();
        }
        ShareTallyTrigger.flushDeferred(connection);
    }
}
