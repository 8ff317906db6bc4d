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

/**
 * Pages found by rank in a sort's index are the pages the {@code ORDER BY … OFFSET} walk gives, in every sort order
 * and direction, with ties and NULLs; and nothing is answered when positions could differ.
 */
class IndexRanksTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final int SHARES = 4_300;

    @TempDir
    static Path dir;
    static Database db;

    @BeforeAll
    static void seed() {
        db = Database.open(dir);
        VariedShares.seed(db, SHARES, NOW, "CASE WHEN MOD(id, 4) = 0 THEN NULL ELSE ',t' || MOD(id, 3) || ',' END");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everySortAndDirectionGivesTheWalkedPages() {
        for (HistorySort sort : HistorySort.values()) {
            if (sort == HistorySort.CREATED) {
                continue;
            }
            for (boolean desc : new boolean[] {false, true}) {
                HistoryQuery q = HistoryQuery.NEWEST_FIRST.sortedBy(sort, desc);
                db.read(c -> {
                    List<Long> walked = HistoryMatches.page(c, q, NOW, 0, SHARES + 10, -1, null).stream()
                            .map(HistoryEntry::id).toList();
                    assertThat(walked).hasSize(SHARES);
                    for (long offset : new long[] {0, 1, 49, 2_150, 2_151, SHARES - 7, SHARES - 1, SHARES}) {
                        Optional<List<HistoryEntry>> ranked = IndexRanks.page(c, q, SHARES, offset, 7);
                        assertThat(ranked).as("%s %s at %d", sort, desc ? "desc" : "asc", offset).isPresent();
                        assertThat(ranked.get()).extracting(HistoryEntry::id).as("%s %s at %d", sort, desc, offset)
                                .containsExactlyElementsOf(walked.subList((int) offset,
                                        (int) Math.min(SHARES, offset + 7)));
                    }
                    // Through the history's own deep-page path (≥ 2 000 rows from both ends), count known or not.
                    MatchLists lists = new MatchLists();
                    assertThat(HistoryMatches.page(c, q, NOW, 2_100, 5, SHARES, lists))
                            .extracting(HistoryEntry::id).containsExactlyElementsOf(walked.subList(2_100, 2_105));
                    assertThat(HistoryMatches.page(c, q, NOW, 2_100, 5, -1, lists))
                            .extracting(HistoryEntry::id).containsExactlyElementsOf(walked.subList(2_100, 2_105));
                    return null;
                });
            }
        }
    }

    @Test
    void answersNothingForFiltersCreationOrderAStaleCountOrUncommittedChanges() {
        db.read(c -> {
            HistoryQuery byKey = HistoryQuery.NEWEST_FIRST.sortedBy(HistorySort.KEY, false);
            assertThat(IndexRanks.page(c, byKey.withBucket("bucket-1"), SHARES, 100, 5)).isEmpty();
            assertThat(IndexRanks.page(c, byKey.withSearch("file"), SHARES, 100, 5)).isEmpty();
            assertThat(IndexRanks.page(c, HistoryQuery.NEWEST_FIRST, SHARES, 100, 5)).isEmpty();
            assertThat(IndexRanks.page(c, byKey, SHARES - 1, 100, 5)).isEmpty();
            return null;
        });
        db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE share SET note = 'changed' WHERE id = (SELECT MIN(id) FROM share)");
            }
            HistoryQuery byNote = HistoryQuery.NEWEST_FIRST.sortedBy(HistorySort.NOTE, false);
            assertThat(IndexRanks.page(c, byNote, SHARES, 100, 5)).isEmpty();
            c.rollback();
            return null;
        });
    }
}
