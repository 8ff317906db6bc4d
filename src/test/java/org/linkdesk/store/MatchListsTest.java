package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/** Kept match lists give the same pages and counts as walking the table, and are read again after any change. */
class MatchListsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final List<HistoryQuery> QUERIES = List.of(
            HistoryQuery.NEWEST_FIRST.withSearch("report"),
            HistoryQuery.NEWEST_FIRST.withSearch("rep 2026").sortedBy(HistorySort.KEY, false),
            HistoryQuery.NEWEST_FIRST.withBucket("bucket-1").sortedBy(HistorySort.KEY, true),
            HistoryQuery.NEWEST_FIRST.withSearch("photo").withBucket("bucket-2"),
            HistoryQuery.NEWEST_FIRST.sortedBy(HistorySort.BUCKET, false));

    @TempDir
    static Path dir;
    static Database db;
    static ShareStore shares;
    static HistoryStore history;

    @BeforeAll
    static void seed() {
        db = Database.open(dir);
        shares = new ShareStore(db, new Vault(db));
        history = new HistoryStore(db);
        for (int i = 0; i < 150; i++) {
            // Equal creation times in pairs, so the order's tie-break on the id is exercised too.
            insert("bucket-" + (i % 3), (i % 4 == 0 ? "reports/2026/" : "photos/") + "file " + (i % 17) + ".pdf",
                    NOW.minus(Duration.ofMinutes(150 - i / 2)));
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static ShareRecord insert(String bucket, String key, Instant created) {
        return shares.insert(new NewShare(created, null, null, "AKIA", null, "eu-west-1", bucket, key,
                LinkOptions.get(Duration.ofHours(1)), created.plus(Duration.ofHours(1)),
                EffectiveExpiry.Limit.REQUESTED, "https://x/" + key, null));
    }

    @Test
    void pagesAndCountsAgreeWithTheTableWalk() {
        MatchLists lists = new MatchLists();
        for (HistoryQuery q : QUERIES) {
            db.read(c -> {
                List<Long> walked = HistoryMatches.page(c, q, NOW, 0, 10_000, -1, null).stream()
                        .map(HistoryEntry::id).toList();
                long[] ids = lists.ids(c, q, NOW);
                assertThat(ids).containsExactly(walked.stream().mapToLong(Long::longValue).toArray());
                assertThat(HistoryMatches.count(c, q, NOW, lists)).isEqualTo(HistoryMatches.count(c, q, NOW, null));
                for (long offset : new long[] {0, 7, walked.size() / 2, Math.max(0, walked.size() - 3)}) {
                    assertThat(MatchLists.page(c, ids, offset, 5))
                            .isEqualTo(HistoryMatches.page(c, q, NOW, offset, 5, -1, null));
                }
                return null;
            });
        }
    }

    @Test
    void aChangedTableIsReadAgain() {
        HistoryQuery q = HistoryQuery.NEWEST_FIRST.withSearch("quokka");
        MatchLists lists = new MatchLists();
        long[] before = db.read(c -> lists.ids(c, q, NOW));
        long[] again = db.read(c -> lists.ids(c, q, NOW));
        assertThat(again).isSameAs(before);

        ShareRecord added = insert("bucket-0", "zoo/quokka.jpg", NOW);
        long[] afterInsert = db.read(c -> lists.ids(c, q, NOW));
        assertThat(afterInsert).hasSize(before.length + 1).contains(added.id());

        ShareRecord other = insert("bucket-0", "zoo/wombat.jpg", NOW);
        history.updateDetails(other.id(), new ShareDetails("a quokka too", null, List.of()));
        long[] afterEdit = db.read(c -> lists.ids(c, q, NOW));
        assertThat(afterEdit).hasSize(before.length + 2).contains(other.id());

        history.delete(added.id(), other.id());
        long[] afterDelete = db.read(c -> lists.ids(c, q, NOW));
        assertThat(afterDelete).containsExactly(before);
    }

    @Test
    void anExactCountIsShownAtOnceTheNextTime() {
        HistoryQuery q = HistoryQuery.NEWEST_FIRST.withSearch("file 1");
        long exact = history.count(q, NOW);
        assertThat(history.quickCount(q, NOW)).isEqualTo(new HistoryCount(exact, true));
    }
}
