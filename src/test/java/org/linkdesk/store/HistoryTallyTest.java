package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;

/** The tallies (share_tally, share_day) stay exact through every way the share table is written. */
class HistoryTallyTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;
    Database db;
    ShareStore shares;
    HistoryStore history;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        shares = new ShareStore(db, new Vault(db));
        history = new HistoryStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static NewShare share(Random r, int i) {
        Instant created = NOW.minus(Duration.ofHours(9 * (120 - i))).plusSeconds(r.nextInt(3_600));
        Duration life = Duration.ofHours(new int[] {1, 30, 168}[r.nextInt(3)]);
        HttpMethod method = r.nextInt(4) == 0 ? HttpMethod.PUT : HttpMethod.GET;
        return new NewShare(created, null, r.nextInt(3) == 0 ? null : "p" + r.nextInt(2), "AKIA", null, "eu-west-1",
                "b" + r.nextInt(3), "k/" + i + (r.nextInt(5) == 0 ? " report" : ""), new LinkOptions(method, life,
                null, false, null, null, null), created.plus(life), EffectiveExpiry.Limit.REQUESTED,
                "https://x/" + i, r.nextInt(3) == 0 ? "note " + i : null);
    }

    private static List<String> tags(Random r) {
        return List.of(List.<String>of(), List.of("legal"), List.of("client", "legal"), List.of("x_y")).get(r.nextInt(4));
    }

    private List<HistoryQuery> filterQueries() {
        List<HistoryQuery> qs = new ArrayList<>();
        HistoryQuery all = HistoryQuery.NEWEST_FIRST;
        qs.add(all);
        for (String b : List.of("b0", "b1", "b2", "none")) {
            qs.add(all.withBucket(b));
        }
        for (String p : List.of("p0", "p1", HistoryQuery.ENVIRONMENT)) {
            qs.add(all.withProfile(p));
            qs.add(all.withProfile(p).withMethod(HttpMethod.PUT).withBucket("b1"));
        }
        for (String t : List.of("legal", "client", "x_y", "x%y")) {
            qs.add(all.withTag(t));
            qs.add(all.withTag(t).withMethod(HttpMethod.GET));
        }
        Instant midnight = Instant.parse("2026-05-20T00:00:00Z");
        qs.add(all.withCreated(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(3))));
        qs.add(all.withCreated(midnight, midnight.plus(Duration.ofDays(5))));
        qs.add(all.withCreated(midnight.plusSeconds(1), midnight.plus(Duration.ofHours(7))));
        qs.add(all.withCreated(null, NOW.minus(Duration.ofDays(20))).sortedBy(HistorySort.KEY, false));
        qs.add(all.withCreated(NOW.minus(Duration.ofDays(2)), null));
        qs.add(all.withCreated(NOW.minus(Duration.ofDays(30)), NOW).withBucket("b1"));
        for (ShareStatus s : ShareStatus.values()) {
            qs.add(all.withStatus(s));
            qs.add(all.withStatus(s).withBucket("b2").withTag("legal"));
        }
        return qs;
    }

    /** Every filter count from the tallies equals counting the rows one by one; the day counts equal a GROUP BY. */
    private void assertTalliesExact() {
        for (HistoryQuery q : filterQueries()) {
            long[] rows = {0};
            history.forEach(q, NOW, e -> rows[0]++);
            assertThat(history.count(q, NOW)).as(q.toString()).isEqualTo(rows[0]);
            assertThat(history.quickCount(q, NOW)).as(q.toString()).isEqualTo(new HistoryCount(rows[0], true));
        }
        db.read(c -> {
            Map<Integer, Long> kept = new TreeMap<>();
            Map<Integer, Long> counted = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT created_day, n FROM share_day WHERE n <> 0");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kept.put(rs.getInt(1), rs.getLong(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at FROM share");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counted.merge(HistoryTally.day(ShareStore.instant(rs, 1)), 1L, Long::sum);
                }
            }
            assertThat(kept).isEqualTo(counted);
            return null;
        });
    }

    @Test
    void countsStayExactThroughInsertsEditsImportsDeletesAndPurges() {
        Random r = new Random(3);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(shares.insert(share(r, i), new ShareExtras(null, tags(r), null, null)).id());
        }
        List<NewShare> batch = new ArrayList<>();
        for (int i = 60; i < 90; i++) {
            batch.add(share(r, i));
        }
        shares.insertAll(batch);
        assertTalliesExact();

        // Editing the tags moves a share between tallies; editing the note does not.
        for (int i = 0; i < 20; i++) {
            history.updateDetails(ids.get(i), new ShareDetails("n", "someone", tags(r)));
        }
        history.recordCheck(ids.get(50), false, null, "HEAD 404", NOW);
        assertTalliesExact();

        // An import (old links under new ids), including one the history already has, and a renewal.
        List<ImportedShare> imports = new ArrayList<>();
        for (int i = 90; i < 110; i++) {
            imports.add(new ImportedShare(share(r, i - 80), new ShareExtras("r", tags(r), null, null), null));
        }
        imports.add(new ImportedShare(share(new Random(3), 0), ShareExtras.NONE, null));
        shares.importShares(imports);
        shares.insert(share(r, 119), new ShareExtras(null, List.of("legal"), null, ids.get(3)));
        assertTalliesExact();

        history.delete(ids.get(4), ids.get(5), ids.get(6), -1L);
        shares.delete(ids.get(7));
        history.purgeExpired(NOW.minus(Duration.ofDays(20)));
        assertTalliesExact();

        // Any other writer, even plain SQL, keeps them exact; a rolled-back transaction leaves them as they were.
        db.inTransaction(c -> c.createStatement().executeUpdate(
                "UPDATE share SET bucket = 'b9', created_at = created_at - INTERVAL '3' DAY WHERE MOD(id, 3) = 0"));
        try {
            db.inTransaction(c -> {
                c.createStatement().executeUpdate("DELETE FROM share WHERE MOD(id, 2) = 0");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertTalliesExact();
        history.purgeExpired(NOW.plus(Duration.ofDays(30)));
        assertTalliesExact();
        assertThat(history.count(HistoryQuery.NEWEST_FIRST, NOW)).isZero();
    }

    @Test
    void concurrentWritersToTheSameTallyLoseNoCount() throws Exception {
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < 3; w++) {
            Random r = new Random(w);
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < 25; i++) {
                        shares.insert(share(r, i), new ShareExtras(null, List.of("legal"), null, null));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            writers.add(t);
            t.start();
        }
        for (Thread t : writers) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(history.count(HistoryQuery.NEWEST_FIRST, NOW)).isEqualTo(75);
        assertTalliesExact();
    }

    @Test
    void pagesStartingFromTheDayCountsEqualOffsetPagesBothWays() {
        Random r = new Random(11);
        List<NewShare> batch = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            NewShare s = share(r, i % 120);
            batch.add(s);
        }
        shares.insertAll(batch);
        for (boolean desc : new boolean[] {true, false}) {
            HistoryQuery q = HistoryQuery.NEWEST_FIRST.sortedBy(HistorySort.CREATED, desc);
            List<Long> expected = new ArrayList<>();
            history.forEach(q, NOW, e -> expected.add(e.id()));
            for (int offset = 0; offset <= 245; offset += 7) {
                long at = offset;
                List<Long> page = db.read(c -> HistoryTally.page(c, desc, at, 9)).stream()
                        .map(HistoryEntry::id).toList();
                assertThat(page).as("offset " + offset + (desc ? " desc" : " asc"))
                        .isEqualTo(expected.subList(Math.min(offset, 240), Math.min(offset + 9, 240)));
            }
        }
    }

    @Test
    void aSearchCountIsExactWhenItsCandidatesAreFewElseAnEstimateMarkedAsSuch() {
        Random r = new Random(5);
        List<NewShare> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            batch.add(share(r, i));
        }
        shares.insertAll(batch);
        for (String search : List.of("report", "k/1", "nothing-like-it", "REPORT note")) {
            HistoryQuery q = HistoryQuery.NEWEST_FIRST.withSearch(search);
            assertThat(history.quickCount(q, NOW)).as(search)
                    .isEqualTo(new HistoryCount(history.count(q, NOW), true));
        }
        // Words under three characters have no trigram: a sample of the newest rows (here all of them) estimates.
        HistoryQuery shortWord = HistoryQuery.NEWEST_FIRST.withSearch("/1");
        HistoryCount quick = history.quickCount(shortWord, NOW);
        assertThat(quick.exact()).isFalse();
        assertThat(quick.value()).isEqualTo(history.count(shortWord, NOW));
    }
}
