package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/** Streaming import: postings merged per batch equal a full rebuild; a failure anywhere rolls everything back. */
class ShareImportTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    @TempDir
    static java.nio.file.Path dir;
    static Database db;
    static ShareStore shares;

    @BeforeAll
    static void open() {
        db = Database.open(dir);
        shares = new ShareStore(db, new Vault(db));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static ImportedShare share(int i) {
        Instant created = T0.plusSeconds(i);
        return new ImportedShare(new NewShare(created, null, "p", "AKIAEXAMPLE", null, "eu-west-1", "bucket-" + (i % 7),
                "reports/" + (i % 13) + "/file " + i + ".pdf", LinkOptions.get(Duration.ofHours(1)),
                created.plusSeconds(3600), EffectiveExpiry.Limit.REQUESTED, null, i % 3 == 0 ? "note " + i : null),
                new ShareExtras(i % 5 == 0 ? "anna" : null, List.of(), null, null), null);
    }

    /** A feed of {@code n} shares that throws before share {@code failAt} (never, when negative). */
    private static ShareFeed feed(int n, int failAt) {
        return feed(0, n, failAt);
    }

    /** Shares {@code from}..{@code from + n - 1}, throwing before share {@code from + failAt}. */
    private static ShareFeed feed(int from, int n, int failAt) {
        return new ShareFeed() {
            int next = from;

            @Override
            public boolean hasNext() {
                return next < from + n;
            }

            @Override
            public ImportedShare next() {
                if (failAt >= 0 && next == from + failAt) {
                    throw new IllegalStateException("row " + next + " is bad");
                }
                return share(next++);
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<String> postings() {
        return db.read(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT trigram, block, postings FROM share_trigram ORDER BY trigram, block")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "/" + rs.getInt(2) + "/" + java.util.HexFormat.of()
                            .formatHex(rs.getBytes(3)));
                }
            }
            return rows;
        });
    }

    @Test
    void anImportAcrossSeveralBlocksAndBatchesIndexesLikeARebuildAndFailuresLeaveNothing() {
        int n = 2 * Postings.BLOCK_SIZE + 100;
        ImportResult result = shares.importShares(() -> feed(n, -1));
        assertThat(result.imported()).isEqualTo(n);
        assertThat(shares.importShares(() -> feed(10, -1)).skipped()).isEqualTo(10);
        List<String> batched = postings();
        db.inTransaction(c -> {
            TrigramIndex.rebuild(c);
            return null;
        });
        assertThat(postings()).isEqualTo(batched);

        long before = shares.count();
        // The first n are duplicates (skipped), then 2 500 new ones are inserted, then the feed fails.
        assertThatThrownBy(() -> shares.importShares(() -> feed(n + 3000, n + 2500))).hasMessageContaining("is bad");
        assertThat(shares.count()).isEqualTo(before);
        assertThat(pending(db)).isZero();
        // Postings are add-only: the undone rows' ids stay in them (a search checks ids against the rows); built
        // again from the rows, they are what the history had before.
        db.inTransaction(c -> {
            TrigramIndex.rebuild(c);
            return null;
        });
        assertThat(postings()).isEqualTo(batched);
    }

    private static long pending(Database d) {
        return count(d, "SELECT COUNT(*) FROM import_pending");
    }

    private static long count(Database d, String sql) {
        return d.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** What a process killed in the middle of an import leaves: its record and the rows of its committed steps. */
    private static void dieWhileImporting(Database d, int from, int n) {
        dieWhileImporting(d, from, n, new OutboxWrite(null, null));
    }

    private static void dieWhileImporting(Database d, int from, int n, OutboxWrite team) {
        d.inSteps((c, steps) -> {
            long p = ImportPending.begin(c);
            steps.commit();
            return ShareImport.run(c, feed(from, n, -1), url -> null, p, steps, team);
        });
    }

    @Test
    void inTeamModeADeadImportsQueuedRowsGoWithItsRowsAndAreNeverOfferedToTheSender(
            @TempDir java.nio.file.Path other) {
        try (Database d = Database.open(other)) {
            TeamOutbox outbox = new TeamOutbox(d, () -> "alice");
            ShareStore s = new ShareStore(d, new Vault(d));
            s.setOutbox(outbox);
            assertThat(s.importShares(() -> feed(0, 10, -1)).imported()).isEqualTo(10);
            assertThat(outbox.waiting()).isEqualTo(10);
            dieWhileImporting(d, 1_000, 2_500, new OutboxWrite(outbox, null));
            // Its committed steps queued their rows, but the sender is not offered them while the import is pending.
            assertThat(outbox.waiting()).isEqualTo(10 + 2_500);
            assertThat(outbox.next(0, 5_000)).hasSize(10);
        }
        try (Database d = Database.open(other)) {
            TeamOutbox outbox = new TeamOutbox(d, () -> "alice");
            assertThat(outbox.waiting()).isEqualTo(10);
            assertThat(count(d, "SELECT COUNT(*) FROM share")).isEqualTo(10);
        }
    }

    private static void addOne(Database d, int i) {
        d.inTransaction(c -> ShareInserts.insert(c, share(i).share(), "", null, share(i).extras()));
    }

    @Test
    void anImportKilledMidwayIsUndoneOnTheNextOpenOrBeforeTheNextImportAndOthersRowsStay(
            @TempDir java.nio.file.Path other) {
        try (Database d = Database.open(other)) {
            ShareStore s = new ShareStore(d, new Vault(d));
            assertThat(s.importShares(() -> feed(0, 10, -1)).imported()).isEqualTo(10);
            dieWhileImporting(d, 1_000, 2_500);
            addOne(d, 50_000); // another process's link, added after the dead import's rows
            assertThat(s.count()).isEqualTo(10 + 2_500 + 1);
            assertThat(pending(d)).isEqualTo(1);
        }
        try (Database d = Database.open(other)) {
            ShareStore s = new ShareStore(d, new Vault(d));
            assertThat(s.count()).isEqualTo(11);
            assertThat(pending(d)).isZero();
            assertThat(count(d, "SELECT SUM(n) FROM share_tally")).isEqualTo(11);
            assertThat(count(d, "SELECT SUM(n) FROM share_day")).isEqualTo(11);

            dieWhileImporting(d, 10_000, 1_200);
            assertThat(s.count()).isEqualTo(11 + 1_200);
            assertThat(s.importShares(() -> feed(20_000, 5, -1)).imported()).isEqualTo(5);
            assertThat(s.count()).isEqualTo(16);
            assertThat(pending(d)).isZero();
            assertThat(count(d, "SELECT SUM(n) FROM share_tally")).isEqualTo(16);
            // The dead import's shares can be imported again: they are not in the history.
            assertThat(s.importShares(() -> feed(1_000, 2_500, -1)).imported()).isEqualTo(2_500);
        }
    }

    @Test
    void anotherThreadsWorkWaitsUntilASteppedUnitIsDone() throws Exception {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch stepped = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                stepped.await();
            } catch (InterruptedException e) {
                return;
            }
            db.read(c -> events.add("other thread read"));
        });
        other.start();
        db.inSteps((c, steps) -> {
            steps.commit();
            stepped.countDown();
            // Once the other thread waits for its turn (or, wrongly, got it and is done), this unit ends.
            while (other.getState() != Thread.State.TIMED_WAITING && other.getState() != Thread.State.TERMINATED) {
                Thread.onSpinWait();
            }
            events.add("stepped unit done");
            return null;
        });
        other.join();
        assertThat(events).containsExactly("stepped unit done", "other thread read");
    }

    @Test
    void aCancelledImportLeavesNothingAfterSeveralCommittedSteps(@TempDir java.nio.file.Path other) {
        try (Database d = Database.open(other)) {
            ShareStore s = new ShareStore(d, new Vault(d));
            s.importShares(() -> feed(0, 3, -1));
            ShareFeed cancelled = new ShareFeed() {
                final ShareFeed rows = feed(100, 5_000, -1);
                int read;

                @Override
                public boolean hasNext() {
                    if (read == 2_600) {
                        throw new java.util.concurrent.CancellationException("Cancelled: nothing was imported.");
                    }
                    return rows.hasNext();
                }

                @Override
                public ImportedShare next() {
                    read++;
                    return rows.next();
                }

                @Override
                public void close() {
                }
            };
            assertThatThrownBy(() -> s.importShares(() -> cancelled))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(s.count()).isEqualTo(3);
            assertThat(pending(d)).isZero();
            assertThat(count(d, "SELECT SUM(n) FROM share_tally")).isEqualTo(3);
            assertThat(s.importShares(() -> feed(100, 5, -1)).imported()).isEqualTo(5);
        }
    }

    private static Map<String, String> indexes(Database d) {
        return d.read(c -> PausedIndexes.definitions(c, LargeImports.TABLE, Set.of()));
    }

    private static long paused(Database d) {
        return d.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM paused_index")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aLargeImportBuildsTheIndexesAgainAfterwardsWhetherItFailsOrSucceeds() {
        Map<String, String> all = indexes(db);
        assertThat(all).hasSizeGreaterThan(5).containsKey("\"PUBLIC\".\"SHARE_KEY_IDX\"");
        int n = 1_500;
        int from = 100_000;
        assertThat(shares.importRebuildsIndexes(n)).isTrue();
        assertThat(shares.importRebuildsIndexes(10)).isFalse();
        long before = shares.count();

        assertThatThrownBy(() -> shares.importShares(() -> feed(from, n, n - 1), n)).hasMessageContaining("is bad");
        assertThat(shares.count()).isEqualTo(before);
        assertThat(indexes(db)).isEqualTo(all);
        assertThat(paused(db)).isZero();

        assertThat(shares.importShares(() -> feed(from, n, -1), n).imported()).isEqualTo(n);
        assertThat(shares.count()).isEqualTo(before + n);
        assertThat(indexes(db)).isEqualTo(all);
        assertThat(paused(db)).isZero();
        assertThat(shares.importShares(() -> feed(from, n, -1), n).skipped()).isEqualTo(n);
    }

    @Test
    void indexesLeftDroppedByAKilledImportAreBuiltAgainWhenTheDatabaseNextOpens(@TempDir java.nio.file.Path other) {
        Map<String, String> all;
        try (Database d = Database.open(other)) {
            all = indexes(d);
            d.inTransaction(c -> PausedIndexes.save(c, LargeImports.TABLE, LargeImports.KEPT_LEADING_COLUMNS));
            d.inTransaction(c -> {
                PausedIndexes.dropSaved(c);
                return null;
            });
            // What a process killed in the middle of the import leaves: only the kept index and the records.
            assertThat(indexes(d)).containsOnlyKeys("\"PUBLIC\".\"SHARE_CREATED_IDX\"");
            assertThat(paused(d)).isEqualTo(all.size() - 1);
        }
        try (Database d = Database.open(other)) {
            assertThat(indexes(d)).isEqualTo(all);
            assertThat(paused(d)).isZero();
        }
    }
}
