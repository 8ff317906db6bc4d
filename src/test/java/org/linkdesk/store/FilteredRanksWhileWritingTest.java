package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/**
 * While another connection keeps inserting, deleting and re-tagging shares of the filtered bucket, a page
 * {@link FilteredRanks} answers is the page of one committed state: whenever the table did not change between two
 * plain SQL walks around it, it equals their slice. It never answers from a mix of states.
 */
class FilteredRanksWhileWritingTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void pagesAreFromOneCommittedStateWhileAnotherConnectionWrites() throws Exception {
        Database db = Database.open(dir);
        try {
            VariedShares.seed(db, 3_000, NOW, "CASE WHEN MOD(id, 2) = 0 THEN ',a,' ELSE NULL END");
            ShareStore shares = new ShareStore(db, new Vault(db));
            HistoryQuery q = HistoryQuery.NEWEST_FIRST.withBucket("bucket-1").withTag("a")
                    .sortedBy(HistorySort.KEY, true);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        writeOnce(db, shares, i);
                    }
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            writer.start();
            try {
                for (int round = 0; round < 300 && failed.get() == null; round++) {
                    int r = round;
                    db.read(c -> check(c, q, r));
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertThat(failed.get()).isNull();
            // Once nobody writes, it answers, and exactly.
            boolean answeredAtRest = db.read(c -> check(c, q, 7));
            assertThat(answeredAtRest).isTrue();
        } finally {
            db.close();
        }
    }

    /** Inserts a few shares into the bucket, deletes one, re-tags one: each its own commit. */
    private static void writeOnce(Database db, ShareStore shares, int i) {
        List<NewShare> rows = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            Instant created = NOW.plusSeconds(i * 3L + j);
            rows.add(new NewShare(created, null, null, "AKIA", null, "eu-west-1", "bucket-1",
                    "new/" + (i * 7 + j) % 50 + ".txt", LinkOptions.get(Duration.ofHours(1)),
                    created.plus(Duration.ofHours(1)), EffectiveExpiry.Limit.REQUESTED, "https://x/n" + i, null));
        }
        shares.insertAll(rows);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE share SET tags = CASE WHEN tags IS NULL "
                    + "THEN ',a,' ELSE NULL END WHERE id = (SELECT MIN(id) + ? FROM share)")) {
                ps.setInt(1, (i * 13) % 2_000);
                ps.executeUpdate();
            }
            return null;
        });
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM share WHERE id = (SELECT MIN(id) + ? "
                    + "FROM share WHERE bucket = 'bucket-1')")) {
                ps.setInt(1, (i * 5) % 300);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** One page by FilteredRanks between two SQL walks; true when it answered. */
    private static boolean check(Connection c, HistoryQuery q, int round) throws SQLException {
        long before = MatchLists.stamp(c);
        List<Long> walked = VariedShares.walked(c, q, NOW);
        long offset = walked.isEmpty() ? 0 : (round * 37L) % walked.size();
        Optional<List<HistoryEntry>> page = FilteredRanks.page(c, q, NOW, offset, 10, Long.MAX_VALUE);
        List<Long> again = VariedShares.walked(c, q, NOW);
        long after = MatchLists.stamp(c);
        if (page.isPresent() && before == after) {
            assertThat(walked).isEqualTo(again);
            assertThat(page.get()).extracting(HistoryEntry::id).as("round %d at %d", round, offset)
                    .containsExactlyElementsOf(walked.subList((int) offset,
                            (int) Math.min(walked.size(), offset + 10)));
        }
        return page.isPresent();
    }

}
