package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.store.HistoryCount;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistorySort;
import org.linkdesk.store.HistorySummary;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ObjectState;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.store.ShareStatus;
import org.linkdesk.testing.PostgresCluster;

/** The team history on a real PostgreSQL agrees with a plain in-memory filter of the same rows. */
class TeamHistoryStoreTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String[] KEYS = {"reports/2026/Q1 summary.pdf", "写真/夏休み/海 🏖️.jpg", "写真集/vol1.zip",
            "Invoices/INV-0042.pdf", "quokkas/at the beach.png", "Привет/мир.txt", "e\u0301 accent.txt",
            "odd %_\\ chars.txt", "a/b/c.csv", "Résumé final.docx"};
    private static final String[] NOTES = {null, "for Zoë", "contract draft", "写真 for mum", "100% done_ok", null};
    private static final String[] RECIPIENTS = {null, "anna@example.com", "Bob", null};
    private static final String[] MAKERS = {"alice", "bob", "Chloé"};

    static TeamDatabase db;
    static TeamHistoryStore history;
    static List<HistoryEntry> all;

    @BeforeAll
    static void seed() {
        PostgresCluster.Login login = PostgresCluster.shared().newDatabase();
        db = TeamDatabase.open(new TeamConnection(login.url(), login.user(), login.password()), 3);
        history = new TeamHistoryStore(db);
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            Instant created = NOW.minus(Duration.ofHours(300 - i)).plusSeconds(r.nextInt(60));
            Duration life = Duration.ofHours(new int[] {1, 12, 48, 168}[r.nextInt(4)]);
            HttpMethod method = i % 5 == 0 ? HttpMethod.PUT : HttpMethod.GET;
            NewShare s = new NewShare(created, null, i % 3 == 0 ? null : "profile-" + (i % 3), "AKIA" + (i % 2),
                    null, "eu-west-1", "bucket-" + (i % 4), KEYS[r.nextInt(KEYS.length)] + " #" + i,
                    new LinkOptions(method, life, null, false, null, null, null), created.plus(life),
                    EffectiveExpiry.Limit.REQUESTED, "https://x/" + i, NOTES[r.nextInt(NOTES.length)]);
            List<String> tags = i % 7 == 0 ? List.of("legal", "Q3") : i % 4 == 0 ? List.of("client") : List.of();
            TeamRows.insert(db, UUID.randomUUID(), MAKERS[i % 3], s,
                    new ShareExtras(RECIPIENTS[r.nextInt(RECIPIENTS.length)], tags, null, null), null, null);
        }
        List<HistoryEntry> rows = new ArrayList<>();
        history.forEach(HistoryQuery.NEWEST_FIRST, NOW, rows::add);
        for (int i = 0; i < 6; i++) {
            long id = rows.get(i).id();
            history.recordCheck(id, true, "etag-1", "HEAD 200", NOW);
            if (i % 2 == 0) {
                history.recordCheck(id, i != 0, i == 0 ? null : "etag-2", "check", NOW);
            }
        }
        rows.clear();
        history.forEach(HistoryQuery.NEWEST_FIRST, NOW, rows::add);
        all = rows;
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
                || (e.recipient() != null && e.recipient().toLowerCase(Locale.ROOT).contains(t))
                || e.madeBy().toLowerCase(Locale.ROOT).contains(t);
    }

    @Test
    void everyRowCarriesItsMakerAndNoProfileId() {
        assertThat(all).hasSize(300);
        assertThat(all).extracting(HistoryEntry::madeBy).containsOnly(MAKERS);
        assertThat(all).allSatisfy(e -> assertThat(e.share().profileId()).isNull());
        assertThat(all.get(0).share().urlKept()).isFalse();
    }

    @Test
    void searchFindsExactlyTheSubstringMatchesIncludingUnicodeShortTermsAndMakers() {
        for (String term : List.of("quokka", "QUOKKAS", "写真", "写真集", "zoë", "invoice", "%", "_", "\\", "pdf",
                "мир", "e\u0301", "🏖️", "anna@", "#12", "bucket-3", "nothing-like-this", "a", "chloé", "ALICE")) {
            HistoryQuery q = HistoryQuery.NEWEST_FIRST.withSearch(term);
            assertThat(actual(q)).as(term).isEqualTo(expected(e -> contains(e, term), NEWEST));
            long n = all.stream().filter(e -> contains(e, term)).count();
            assertThat(history.count(q, NOW)).as(term).isEqualTo(n);
            assertThat(history.quickCount(q, NOW)).as(term).isEqualTo(new HistoryCount(n, true));
        }
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("summary  pdf")))
                .isEqualTo(expected(e -> contains(e, "summary") && contains(e, "pdf"), NEWEST));
    }

    @Test
    void theTrigramIndexAnswersSearches() {
        String plan = db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_seqscan = off");
                StringBuilder sb = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM share WHERE search_text LIKE '%quokka%'")) {
                    while (rs.next()) {
                        sb.append(rs.getString(1)).append('\n');
                    }
                }
                return sb.toString();
            }
        });
        assertThat(plan).contains("share_search_trgm_idx");
    }

    @Test
    void filtersByMakerProfileBucketMethodTagAndDates() {
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withMadeBy("alice")))
                .isEqualTo(expected(e -> e.madeBy().equals("alice"), NEWEST)).hasSize(100);
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withMadeBy("bob").withSearch("pdf")))
                .isEqualTo(expected(e -> e.madeBy().equals("bob") && contains(e, "pdf"), NEWEST));
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withMadeBy("alice").withMadeBy(null))).hasSize(300);
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
        for (ShareStatus status : ShareStatus.values()) {
            HistoryQuery q = HistoryQuery.NEWEST_FIRST.withStatus(status);
            assertThat(actual(q)).as(status.name()).isEqualTo(expected(e -> e.status(NOW) == status, NEWEST));
            assertThat(history.count(q, NOW)).isEqualTo(all.stream().filter(e -> e.status(NOW) == status).count());
        }
        HistorySummary s = history.summary(NOW);
        assertThat(s.total()).isEqualTo(all.size());
        for (ShareStatus status : ShareStatus.values()) {
            long n = all.stream().filter(e -> e.status(NOW) == status).count();
            long got = switch (status) {
                case ACTIVE -> s.active();
                case EXPIRING -> s.expiring();
                case EXPIRED -> s.expired();
                case GONE -> s.gone();
                case CHANGED -> s.changed();
            };
            assertThat(got).as(status.name()).isEqualTo(n);
        }
        assertThat(history.countExpired(NOW)).isEqualTo(s.expired());
        assertThat(history.unexpiredIds(NOW)).hasSize((int) (s.total() - s.expired()));
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
                List<Long> streamed = new ArrayList<>();
                history.forEach(q, NOW, e -> streamed.add(e.id()));
                assertThat(streamed).isEqualTo(whole);
            }
        }
        assertThat(actual(HistoryQuery.NEWEST_FIRST.sortedBy(HistorySort.EXPIRES, false))).isEqualTo(
                expected(e -> true, Comparator.comparing((HistoryEntry e) -> e.share().expiresAt())
                        .thenComparing(HistoryEntry::id)));
        assertThat(history.page(HistoryQuery.NEWEST_FIRST, NOW, 290, 50, 300)).hasSize(10);
    }

    @Test
    void editedDetailsAreSearchableAndChecksKeepTheirBaseline() {
        HistoryEntry target = all.get(all.size() / 2);
        HistoryEntry edited = history.updateDetails(target.id(),
                new ShareDetails("Kängurus und Quallen", "Mr. Wombat", List.of("zoo"))).orElseThrow();
        assertThat(edited.madeBy()).isEqualTo(target.madeBy());
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("quallen"))).containsExactly(target.id());
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("wombat"))).containsExactly(target.id());
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withTag("zoo"))).containsExactly(target.id());
        history.updateDetails(target.id(), target.details());
        assertThat(actual(HistoryQuery.NEWEST_FIRST.withSearch("quallen"))).isEmpty();
        assertThat(history.updateDetails(Long.MAX_VALUE, ShareDetails.NONE)).isEmpty();

        HistoryEntry e = all.get(all.size() - 1);
        assertThat(history.recordCheck(e.id(), true, "abc", "HEAD 200", NOW).orElseThrow().objectState())
                .isEqualTo(ObjectState.PRESENT);
        assertThat(history.recordCheck(e.id(), true, "abc", "HEAD 200", NOW).orElseThrow().objectState())
                .isEqualTo(ObjectState.PRESENT);
        HistoryEntry changed = history.recordCheck(e.id(), true, "xyz", "HEAD 200", NOW).orElseThrow();
        assertThat(changed.objectState()).isEqualTo(ObjectState.CHANGED);
        assertThat(changed.recordedEtag()).isEqualTo("abc");
        assertThat(changed.checkedAt()).isEqualTo(NOW);
        assertThat(history.recordCheck(Long.MAX_VALUE, false, null, "HEAD 404", NOW)).isEmpty();
        history.recordCheck(e.id(), true, "abc", "HEAD 200", NOW);
    }

    @Test
    void distinctValuesAndSettings() {
        assertThat(history.distinct("bucket", 10)).containsExactly("bucket-0", "bucket-1", "bucket-2", "bucket-3");
        assertThat(history.distinct("profile_name", 10)).containsExactly("profile-1", "profile-2");
        assertThat(history.distinct("made_by", 10)).containsExactlyInAnyOrder(MAKERS);
        assertThatThrownBy(() -> history.distinct("note; DROP TABLE share", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(history.setting("history.retention")).isEmpty();
        history.setSetting("history.retention", "30d");
        history.setSetting("history.retention", "90d");
        assertThat(history.setting("history.retention")).contains("90d");
        history.rebuildSearchIndex();
    }

    @Test
    void purgingIsAllOrNothingAndDeleteCountsRows() {
        PostgresCluster.Login login = PostgresCluster.shared().newDatabase();
        try (TeamDatabase own = TeamDatabase.open(new TeamConnection(login.url(), login.user(), login.password()),
                2)) {
            TeamHistoryStore store = new TeamHistoryStore(own);
            for (int i = 0; i < 2_500; i += 500) {
                insertExpired(own, 500, i);
            }
            assertThat(store.countExpired(NOW)).isEqualTo(2_500);
            List<Long> reported = new ArrayList<>();
            assertThatThrownBy(() -> store.purgeExpired(NOW, () -> reported.size() >= 2, reported::add))
                    .isInstanceOf(CancellationException.class);
            assertThat(reported).containsExactly(1_000L, 2_000L);
            assertThat(store.countExpired(NOW)).isEqualTo(2_500);
            List<Long> progress = new ArrayList<>();
            assertThat(store.purgeExpired(NOW, () -> false, progress::add)).isEqualTo(2_500);
            assertThat(progress).containsExactly(1_000L, 2_000L, 2_500L);
            assertThat(store.count(HistoryQuery.NEWEST_FIRST, NOW)).isZero();

            insertExpired(own, 3, 0);
            long[] ids = store.unexpiredIds(NOW.minus(Duration.ofDays(30)));
            assertThat(store.delete(ids[0], ids[1], Long.MAX_VALUE)).isEqualTo(2);
            assertThat(store.delete()).isZero();
            assertThat(store.purgeExpired(NOW)).isEqualTo(1);
        }
    }

    @Test
    void aCommonWordsCountIsEstimatedFromASampleOfTheTable() {
        PostgresCluster.Login login = PostgresCluster.shared().newDatabase();
        try (TeamDatabase own = TeamDatabase.open(new TeamConnection(login.url(), login.user(), login.password()),
                2)) {
            insertExpired(own, 60_000, 0);
            // Every fourth key holds "report": 15 000 of 60 000.
            own.inTransaction(c -> c.createStatement().executeUpdate("UPDATE share SET object_key = 'report ' || "
                    + "object_key WHERE id % 4 = 0"));
            own.inTransaction(c -> c.createStatement().execute("ANALYZE share"));
            HistoryQuery report = HistoryQuery.NEWEST_FIRST.withSearch("report");
            long estimate = own.read(c -> TeamHistoryCounts.estimate(c, report, NOW));
            assertThat(estimate).isBetween(12_000L, 18_000L);
            long again = own.read(c -> TeamHistoryCounts.estimate(c, report, NOW));
            assertThat(again).isEqualTo(estimate);
            assertThat(new TeamHistoryStore(own).count(report, NOW)).isEqualTo(15_000);
        }
    }

    private static void insertExpired(TeamDatabase target, int n, int from) {
        target.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO share (uid, made_by, created_at, region, bucket, object_key, method, "
                        + "options, requested_expiry_seconds, expires_at, expiry_limited_by, url_redacted) SELECT "
                        + "gen_random_uuid(), 'alice', now() - interval '20 days', 'eu-west-1', 'b', 'k' || g, 'GET', "
                        + "'{\"method\":\"GET\",\"expiresIn\":\"PT3600S\"}', 3600, "
                        + "timestamptz '2026-05-20T00:00:00Z' + g * interval '1 second', 'REQUESTED', 'https://x' "
                        + "FROM generate_series(" + from + ", " + (from + n - 1) + ") g");
            }
            return null;
        });
    }
}
