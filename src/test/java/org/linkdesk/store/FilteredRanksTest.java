package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.HttpMethod;

/**
 * Deep pages of a filtered history found by walking the sort's index over the filter's ids are the pages the
 * {@code ORDER BY … OFFSET} walk gives: every filter kind and combination, every sort order and direction, with
 * ties, NULLs and several tag sets holding one tag; nothing is answered when positions could differ.
 */
class FilteredRanksTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final int SHARES = 6_000;

    @TempDir
    static Path dir;
    static Database db;

    @BeforeAll
    static void seed() {
        db = Database.open(dir);
        VariedShares.seed(db, SHARES, NOW, "CASE WHEN MOD(id, 4) = 0 THEN NULL ELSE ',t' || MOD(id, 3) || ',' "
                + "|| CASE WHEN MOD(id, 5) = 0 THEN 'x,' ELSE '' END END");
        db.inTransaction(c -> {   // some links made for days: active rather than expiring
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE share SET expires_at = DATEADD('DAY', 5, expires_at) WHERE MOD(id, 11) = 0");
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static List<HistoryQuery> filters() {
        HistoryQuery all = HistoryQuery.NEWEST_FIRST;
        return List.of(all.withBucket("bucket-1"), all.withProfile("profile-2"),
                all.withProfile(HistoryQuery.ENVIRONMENT), all.withMethod(HttpMethod.GET), all.withTag("t1"),
                all.withTag("x"), all.withBucket("bucket-4").withTag("t2"),
                all.withProfile("profile-1").withMethod(HttpMethod.PUT).withTag("t2"), all.withTag("t_"),
                all.withBucket("no-such-bucket"), all.withStatus(ShareStatus.EXPIRED),
                all.withStatus(ShareStatus.ACTIVE), all.withStatus(ShareStatus.EXPIRING),
                all.withStatus(ShareStatus.GONE), all.withStatus(ShareStatus.CHANGED),
                all.withBucket("bucket-2").withStatus(ShareStatus.EXPIRED),
                all.withTag("t1").withStatus(ShareStatus.EXPIRING),
                // Shares were made from NOW - 100 h to NOW - 66.7 h.
                all.withCreated(NOW.minusSeconds(300_000), NOW.minusSeconds(280_000)),
                all.withCreated(NOW.minusSeconds(250_000), null), all.withCreated(null, NOW.minusSeconds(330_000)),
                all.withBucket("bucket-3").withCreated(NOW.minusSeconds(340_000), NOW.minusSeconds(260_000)),
                all.withMethod(HttpMethod.GET).withCreated(NOW.minusSeconds(340_000), null).withTag("t0"),
                all.withExpires(NOW.minusSeconds(300_000), NOW.minusSeconds(250_000)),
                all.withExpires(NOW, null).withTag("t2"), all.withStatus(ShareStatus.EXPIRED)
                        .withExpires(null, NOW.minusSeconds(300_000)).withMethod(HttpMethod.GET));
    }

    @Test
    void everyFilterSortAndDirectionGivesTheWalkedPages() {
        for (HistoryQuery filter : filters()) {
            for (HistorySort sort : HistorySort.values()) {
                for (boolean desc : new boolean[] {false, true}) {
                    HistoryQuery q = filter.sortedBy(sort, desc);
                    db.read(c -> {
                        List<Long> walked = VariedShares.walked(c, q, NOW);
                        int m = walked.size();
                        boolean meantEmpty = q.bucket() != null && q.bucket().startsWith("no-") || "t_".equals(q.tag())
                                || q.status() == ShareStatus.CHANGED;
                        assertThat(m).as("%s matches something", q).isGreaterThan(meantEmpty ? -1 : 0);
                        assertThat((long) m).as("%s", q).isEqualTo(HistoryMatches.count(c, q, NOW));
                        for (long offset : new long[] {0, 1, m / 2 - 3, m / 2, m - 7, m - 1, m}) {
                            if (offset < 0 || offset > m) {
                                continue;
                            }
                            Optional<List<HistoryEntry>> ranked = FilteredRanks.page(c, q, NOW, offset, 7, Long.MAX_VALUE);
                            assertThat(ranked).as("%s at %d", q, offset).isPresent();
                            assertThat(ranked.get()).extracting(HistoryEntry::id).as("%s at %d", q, offset)
                                    .containsExactlyElementsOf(walked.subList((int) offset,
                                            (int) Math.min(m, offset + 7)));
                        }
                        return null;
                    });
                }
            }
        }
    }

    @Test
    void theHistorysDeepPagePathUsesIt() {
        for (HistorySort sort : HistorySort.values()) {
            HistoryQuery q = HistoryQuery.NEWEST_FIRST.withMethod(HttpMethod.GET)
                    .sortedBy(sort, sort.ordinal() % 2 == 0);
            db.read(c -> {
                List<Long> walked = VariedShares.walked(c, q, NOW);
                MatchLists lists = new MatchLists();
                for (long known : new long[] {walked.size(), -1}) {
                    for (int offset : new int[] {0, 2_200, walked.size() - 5}) {
                        assertThat(HistoryMatches.page(c, q, NOW, offset, 5, known, lists))
                                .extracting(HistoryEntry::id).as("%s at %d", q, offset)
                                .containsExactlyElementsOf(walked.subList(offset, offset + 5));
                    }
                }
                assertThat(lists.kept(c, q)).as("no list read for %s", q).isEmpty();
                return null;
            });
        }
    }


    @Test
    void answersNothingForSearchesOrUncommittedChanges() {
        HistoryQuery byKey = HistoryQuery.NEWEST_FIRST.withBucket("bucket-1").sortedBy(HistorySort.KEY, false);
        db.read(c -> {
            assertThat(FilteredRanks.page(c, byKey, NOW, 100, 5)).isPresent();
            assertThat(FilteredRanks.page(c, byKey.withSearch("file"), NOW, 100, 5)).isEmpty();
            assertThat(FilteredRanks.page(c, byKey.withBucket(null), NOW, 100, 5)).isEmpty();
            // A few matches far from both ends: reading them is cheaper than the walk, and the history does so.
            HistoryQuery few = byKey.withBucket("bucket-3").withCreated(NOW.minusSeconds(300_000),
                    NOW.minusSeconds(295_000));
            List<Long> walked = VariedShares.walked(c, few, NOW);
            int middle = walked.size() / 2;
            assertThat(FilteredRanks.page(c, few, NOW, middle, 5)).isEmpty();
            assertThat(HistoryMatches.page(c, few, NOW, middle, 5, walked.size(), new MatchLists()))
                    .extracting(HistoryEntry::id).containsExactlyElementsOf(walked.subList(middle, middle + 5));
            return null;
        });
        db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE share SET bucket = 'bucket-1' WHERE id = (SELECT MIN(id) FROM share "
                        + "WHERE bucket = 'bucket-2')");
            }
            assertThat(FilteredRanks.page(c, byKey, NOW, 100, 5)).isEmpty();
            c.rollback();
            return null;
        });
    }
}
