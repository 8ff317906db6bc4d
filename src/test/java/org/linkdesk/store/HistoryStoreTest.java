package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;

/** Search, filters, sorting and paging of the history agree with a plain in-memory filter of the same rows. */
class HistoryStoreTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String[] KEYS = {"reports/2026/Q1 summary.pdf", "写真/夏休み/海 🏖️.jpg", "写真集/vol1.zip",
            "Invoices/INV-0042.pdf", "quokkas/at the beach.png", "Привет/мир.txt", "e\u0301 accent.txt",
            "odd %_\\ chars.txt", "a/b/c.csv", "Résumé final.docx"};
    private static final String[] NOTES = {null, "for Zoë", "contract draft", "写真 for mum", "100% done_ok", null};
    private static final String[] RECIPIENTS = {null, "anna@example.com", "Bob", null};

    @TempDir
    static Path dir;
    static Database db;
    static ShareStore shares;
    static HistoryStore history;
    static List<HistoryEntry> all;

    @BeforeAll
    static void seed() {
        db = Database.open(dir);
        Vault vault = new Vault(db);
        shares = new ShareStore(db, vault);
        history = new HistoryStore(db);
        Random r = new Random(7);
        for (int i = 0; i < 400; i++) {
            Instant created = NOW.minus(Duration.ofHours(400 - i)).plusSeconds(r.nextInt(60));
            Duration life = Duration.ofHours(new int[] {1, 12, 48, 168}[r.nextInt(4)]);
            HttpMethod method = i % 5 == 0 ? HttpMethod.PUT : HttpMethod.GET;
            String key = KEYS[r.nextInt(KEYS.length)] + " #" + i;
            NewShare s = new NewShare(created, null, i % 3 == 0 ? null : "profile-" + (i % 3), "AKIA" + (i % 2),
                    null, "eu-west-1", "bucket-" + (i % 4), key, new LinkOptions(method, life, null, false, null,
                    null, null), created.plus(life), EffectiveExpiry.Limit.REQUESTED, "https://x/" + i,
                    NOTES[r.nextInt(NOTES.length)]);
            List<String> tags = i % 7 == 0 ? List.of("legal", "Q3") : i % 4 == 0 ? List.of("client") : List.of();
            shares.insert(s, new ShareExtras(RECIPIENTS[r.nextInt(RECIPIENTS.length)], tags, null, null));
        }
        List<HistoryEntry> rows = new ArrayList<>();
        history.forEach(HistoryQuery.NEWEST_FIRST, NOW, rows::add);
        all = rows;
        // A few checked objects, for the gone / changed statuses.
        for (int i = 0; i < 6; i++) {
            long id = all.get(i).id();
            history.recordCheck(id, true, "etag-1", "HEAD 200", NOW);
            if (i % 2 == 0) {
                history.recordCheck(id, i != 0, i == 0 ? null : "etag-2", "check", NOW);
            }
        }
        rows.clear();
        history.forEach(HistoryQuery.NEWEST_FIRST, NOW, rows::add);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<Long> expected(Predicate<HistoryEntry> filter, Comparator<HistoryEntry> order) {
        return all.stream().filter(filter).sorted(order).map(HistoryEntry::id).toList();
    }

    private static List<Long> actual(HistoryQuery q) {
        return history.page(q, NOW, 0, 1000, -1).stream().map(HistoryEntry::id).toList();
    }

    private static final Comparator<HistoryEntry> NEWEST = Comparator.comparing((HistoryEntry e) ->
            e.share().createdAt()).thenComparing(HistoryEntry::id).reversed();

    private static boolean contains(HistoryEntry e, String term) {
        String t = term.toLowerCase(Locale.ROOT);
        return e.share().key().toLowerCase(Locale.ROOT).contains(t) || e.share().bucket().contains(t)
                || (e.note() != null && e.note().toLowerCase(Locale.ROOT).contains(t))
                || (e.recipient() != null && e.recipient().toLowerCase(Locale.ROOT).contains(t));
    }

    @Test
    void searchFindsExactlyTheSubstringMatchesIncludingUnicodeAndShortTerms() {
        for (String term : List.of("quokka", "QUOKKAS", "写真", "写真集", "zoë", "invoice", "%", "_", "\\", "pdf",
                "мир", "e\u0301", "🏖️", "anna@", "#12", "bucket-3", "nothing-like-this", "a")) {
            assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch(term))).as(term)
                    .isEqualTo(expected(e -> contains(e, term), NEWEST));
            assertThat(history.count(HistoryQuery.NEWEST_FIRST.withSearch(term), NOW)).as(term)
                    .isEqualTo(all.stream().filter(e -> contains(e, term)).count());
        }
    }

    @Test
    void everyWordOfASearchMustMatch() {
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("summary  pdf")))
                .isEqualTo(expected(e -> contains(e, "summary") && contains(e, "pdf"), NEWEST));
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("q1 zoë")))
                .isEqualTo(expected(e -> contains(e, "q1") && contains(e, "zoë"), NEWEST));
    }

    @Test
    void commonTermsFallBackToAScanWithTheSameAnswer() {
        // "#" is in every key: far more candidates than the index hands over.
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("#1"))).isEqualTo(expected(e -> contains(e, "#1"),
                NEWEST));
    }

    @Test
    void filtersByProfileBucketMethodTagAndDates() {
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withProfile("profile-1")))
                .isEqualTo(expected(e -> "profile-1".equals(e.share().profileName()), NEWEST));
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withProfile(HistoryQuery.ENVIRONMENT)))
                .isEqualTo(expected(e -> e.share().profileName() == null, NEWEST));
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withBucket("bucket-2").withMethod(HttpMethod.PUT)))
                .isEqualTo(expected(e -> e.share().bucket().equals("bucket-2")
                        && e.share().method() == HttpMethod.PUT, NEWEST));
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withTag("Q3")))
                .isEqualTo(expected(e -> e.tags().contains("q3"), NEWEST)).isNotEmpty();
        Instant from = NOW.minus(Duration.ofHours(100));
        Instant to = NOW.minus(Duration.ofHours(50));
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withCreated(from, to)))
                .isEqualTo(expected(e -> !e.share().createdAt().isBefore(from) && e.share().createdAt().isBefore(to),
                        NEWEST));
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withExpires(NOW, NOW.plus(Duration.ofDays(2)))))
                .isEqualTo(expected(e -> !e.share().expiresAt().isBefore(NOW)
                        && e.share().expiresAt().isBefore(NOW.plus(Duration.ofDays(2))), NEWEST));
    }

    @Test
    void filtersByEveryStatusAndTheSummaryAddsUp() {
        long sum = 0;
        for (ShareStatus status : ShareStatus.values()) {
            List<Long> ids = actual(HistoryQuery.NEWEST_FIRST.withStatus(status));
            assertThat(ids).as(status.name()).isEqualTo(expected(e -> e.status(NOW) == status, NEWEST));
            sum += ids.size();
        }
        assertThat(sum).isEqualTo(all.size());
        HistorySummary s = history.summary(NOW);
        assertThat(s.total()).isEqualTo(all.size());
        assertThat(s.active()).isEqualTo(all.stream().filter(e -> e.status(NOW) == ShareStatus.ACTIVE).count());
        assertThat(s.expiring()).isEqualTo(all.stream().filter(e -> e.status(NOW) == ShareStatus.EXPIRING).count());
        assertThat(s.expired()).isEqualTo(all.stream().filter(e -> e.status(NOW) == ShareStatus.EXPIRED).count());
        assertThat(s.gone() + s.changed()).isEqualTo(all.stream().filter(e -> e.status(NOW) == ShareStatus.GONE
                || e.status(NOW) == ShareStatus.CHANGED).count());
    }

    @Test
    void sortsByEveryColumnBothWaysAndPagesFromEitherEnd() {
        for (HistorySort sort : HistorySort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                HistoryQuery q = HistoryQuery.NEWEST_FIRST.sortedBy(sort, desc);
                List<Long> whole = actual(q);
                assertThat(whole).hasSize(all.size());
                List<Long> paged = new ArrayList<>();
                for (int offset = 0; offset < all.size(); offset += 37) {
                    history.page(q, NOW, offset, 37, all.size()).forEach(e -> paged.add(e.id()));
                }
                assertThat(paged).as(sort + (desc ? " desc" : " asc")).isEqualTo(whole);
            }
        }
        List<HistoryEntry> byKey = history.page(HistoryQuery.NEWEST_FIRST.sortedBy(HistorySort.KEY, false), NOW, 0,
                1000, -1);
        for (int i = 1; i < byKey.size(); i++) {
            assertThat(byKey.get(i - 1).share().key().compareTo(byKey.get(i).share().key())).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void editedDetailsAreSearchable() {
        ShareRecord added = shares.insert(new NewShare(NOW, null, "p", "AKIA", null, "eu-west-1", "edit-bucket",
                "edited.txt", LinkOptions.get(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)),
                EffectiveExpiry.Limit.REQUESTED, "https://x/edited", null));
        HistoryEntry target = history.entry(added.id()).orElseThrow();
        history.updateDetails(target.id(), new ShareDetails("Kängurus und Quallen", "Mr. Wombat", List.of("zoo")));
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("quallen"))).containsExactly(target.id());
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("wombat"))).containsExactly(target.id());
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withTag("zoo"))).containsExactly(target.id());
        history.updateDetails(target.id(), new ShareDetails(null, null, List.of()));
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("quallen"))).isEmpty();
        assertThat(history.delete(target.id())).isEqualTo(1);
    }

    @Test
    void theFirstCheckRecordsTheBaselineAndALaterDifferentEtagIsAChange() {
        HistoryEntry e = all.get(all.size() / 2);
        ObjectState before = e.objectState();
        assertThat(history.recordCheck(e.id(), true, "abc", "HEAD 200", NOW).orElseThrow().objectState())
                .isEqualTo(ObjectState.PRESENT);
        assertThat(history.entry(e.id()).orElseThrow().recordedEtag()).isEqualTo("abc");
        assertThat(history.recordCheck(e.id(), true, "abc", "HEAD 200", NOW).orElseThrow().objectState())
                .isEqualTo(ObjectState.PRESENT);
        HistoryEntry changed = history.recordCheck(e.id(), true, "def", "HEAD 200", NOW).orElseThrow();
        assertThat(changed.objectState()).isEqualTo(ObjectState.CHANGED);
        assertThat(changed.recordedEtag()).isEqualTo("abc");
        assertThat(history.recordCheck(e.id(), false, null, "HEAD 404", NOW).orElseThrow().objectState())
                .isEqualTo(ObjectState.GONE);
        db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE share SET object_state = '" + before.name()
                + "', recorded_etag = NULL, checked_at = NULL WHERE id = " + e.id()));
    }

    @Test
    void walkingTheNewestBlocksFirstGivesTheExactNewestMatchesEvenAfterImports() {
        // An "import": old creation times under new ids, in a block of its own.
        db.inTransaction(c -> c.createStatement().executeUpdate("ALTER TABLE share ALTER COLUMN id RESTART WITH 9000"));
        List<ImportedShare> old = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant created = NOW.minus(Duration.ofDays(60 + i));
            old.add(new ImportedShare(new NewShare(created, null, "p", "AKIA", null, "eu-west-1", "imported",
                    "imported/report " + i + ".pdf", LinkOptions.get(Duration.ofHours(1)), created.plusSeconds(3600),
                    EffectiveExpiry.Limit.REQUESTED, null, null), ShareExtras.NONE, null));
        }
        shares.importShares(old);
        List<HistoryEntry> everything = new ArrayList<>();
        history.forEach(HistoryQuery.NEWEST_FIRST, NOW, everything::add);
        try {
            for (String term : List.of("pdf", "report", "写真/", "summary pdf")) {
                HistoryQuery q = HistoryQuery.NEWEST_FIRST.withSearch(term);
                List<Long> expected = everything.stream()
                        .filter(e -> List.of(term.split(" ")).stream().allMatch(t -> contains(e, t))).sorted(NEWEST).map(HistoryEntry::id).toList();
                for (int[] window : new int[][] {{0, 5}, {0, 50}, {7, 20}, {100, 30}}) {
                    List<Long> walked = db.read(c -> NewestMatches.page(c, q, NOW, window[0], window[1], Integer.MAX_VALUE, 4))
                            .orElseThrow();
                    List<Long> want = expected.subList(Math.min(window[0], expected.size()),
                            Math.min(window[0] + window[1], expected.size()));
                    assertThat(walked).as(term + " " + window[0]).isEqualTo(want);
                }
            }
            // A moved-back share in an old block: an old id with the newest creation time still comes first.
            db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE share SET created_at = TIMESTAMP WITH "
                    + "TIME ZONE '2026-07-01 00:00:00+00' WHERE id = 2"));
            history.rebuildSearchIndex();
            HistoryEntry two = history.entry(2).orElseThrow();
            String word = two.share().key().split(" ")[0];
            HistoryQuery q = HistoryQuery.NEWEST_FIRST.withSearch(word);
            assertThat(db.read(c -> NewestMatches.page(c, q, NOW, 0, 3, Integer.MAX_VALUE, 4)).orElseThrow()).startsWith(2L);
            assertThat(actual(q).get(0)).isEqualTo(2L);
        } finally {
            db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM share WHERE id >= 9000"));
            db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE share SET created_at = TIMESTAMP WITH "
                    + "TIME ZONE '" + all.stream().filter(e -> e.id() == 2).findFirst().orElseThrow().share()
                    .createdAt() + "' WHERE id = 2"));
            history.rebuildSearchIndex();
        }
    }

    @Test
    void rebuildingTheIndexGivesTheSameAnswers() {
        List<Long> before = actual(HistoryQuery.NEWEST_FIRST.withSearch("写真"));
        history.rebuildSearchIndex();
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("写真"))).isEqualTo(before).isNotEmpty();
    }

    @Test
    void settingsAreStoredAndReplaced() {
        assertThat(history.setting("test.x")).isEmpty();
        history.setSetting("test.x", "1");
        history.setSetting("test.x", "2");
        assertThat(history.setting("test.x")).contains("2");
    }

    @Test
    void distinctValuesForTheFilterChoices() {
        assertThat(history.distinct("bucket", 10)).containsExactly("bucket-0", "bucket-1", "bucket-2", "bucket-3");
        assertThat(history.distinct("profile_name", 10)).containsExactly("profile-1", "profile-2");
    }
}
