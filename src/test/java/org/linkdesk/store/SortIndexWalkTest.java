package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.HttpMethod;

/** Pages near either end read by walking the sort's index are the pages of the plain ORDER BY … OFFSET walk. */
class SortIndexWalkTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    static Path dir;
    static Database db;

    @BeforeAll
    static void seed() {
        db = Database.open(dir);
        VariedShares.seed(db, 3_000, NOW, "CASE WHEN MOD(id, 4) = 0 THEN NULL ELSE ',t' || MOD(id, 3) || ',' END");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void nearEitherEndItGivesTheWalkedPages() {
        HistoryQuery all = HistoryQuery.NEWEST_FIRST;
        List<HistoryQuery> queries = new ArrayList<>();
        for (HistorySort sort : HistorySort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                queries.add(all.withBucket("bucket-1").sortedBy(sort, desc));
                queries.add(all.withMethod(HttpMethod.GET).withTag("t1").sortedBy(sort, desc));
                queries.add(all.withProfile(HistoryQuery.ENVIRONMENT).sortedBy(sort, desc));
                queries.add(all.withStatus(ShareStatus.EXPIRED).withProfile("profile-2").sortedBy(sort, desc));
            }
        }
        int answered = 0;
        for (HistoryQuery q : queries) {
            answered += db.read(c -> {
                if (!SortIndexWalk.applies(q)) {
                    return 0;
                }
                List<Long> walked = VariedShares.walked(c, q, NOW);
                int m = walked.size();
                for (long offset : new long[] {0, 3, m - 11, m - 1}) {
                    Optional<List<HistoryEntry>> page = SortIndexWalk.page(c, q, NOW, offset, 10);
                    // Empty only when it ran out of its time budget; then the other paths answer.
                    page.ifPresent(rows -> assertThat(rows).extracting(HistoryEntry::id).as("%s at %d", q, offset)
                            .containsExactlyElementsOf(walked.subList((int) offset, (int) Math.min(m, offset + 10))));
                    assertThat(HistoryMatches.page(c, q, NOW, offset, 10, m, new MatchLists()))
                            .extracting(HistoryEntry::id).as("%s at %d", q, offset)
                            .containsExactlyElementsOf(walked.subList((int) offset, (int) Math.min(m, offset + 10)));
                }
                return 1;
            });
        }
        assertThat(answered).as("queries it applies to").isGreaterThan(40);
        assertThat(SortIndexWalk.applies(all.withBucket("b").withCreated(NOW.minusSeconds(60), NOW)
                .sortedBy(HistorySort.KEY, false))).isFalse();
        assertThat(SortIndexWalk.applies(all.withBucket("b"))).isFalse();   // creation order: H2 walks its index
    }

}
