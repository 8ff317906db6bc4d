package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.store.Database;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.store.Vault;
import org.linkdesk.testing.PostgresCluster;

/**
 * Two desktops on one team database: each sees the other's links (with the maker), only the maker opens a link's
 * URL, and a change made on one reaches the other's live-refresh listener, also after the server was restarted.
 */
class TeamDesktopsTest {
    private static final Instant NOW = Instant.now();
    private static final HistoryQuery ALL = HistoryQuery.NEWEST_FIRST;

    /** One member's computer: a local store with a vault, and a pool on the team database. */
    record Desktop(String name, Database local, Vault vault, TeamDatabase team, TeamHistoryStore history,
                   TeamLinkUrls urls) implements AutoCloseable {
        static Desktop open(String name, Path dir, PostgresCluster.Login login) {
            Database local = Database.open(dir.resolve(name));
            Vault vault = new Vault(local);
            vault.create(("password of " + name).toCharArray());
            TeamDatabase team = TeamDatabase.open(new TeamConnection(login.url(), login.user(), login.password()), 2);
            return new Desktop(name, local, vault, team, new TeamHistoryStore(team), new TeamLinkUrls(team, vault,
                    name));
        }

        /** Records a link as this member's outbox sender would. */
        long share(String key, String url) {
            NewShare s = new NewShare(NOW, null, "work", "AKIAEXAMPLE", null, "eu-west-1", "team-bucket", key,
                    LinkOptions.get(Duration.ofHours(2)), NOW.plus(Duration.ofHours(2)),
                    EffectiveExpiry.Limit.REQUESTED, url, "made by " + name);
            return TeamRows.insert(team, UUID.randomUUID(), name, s, ShareExtras.NONE,
                    vault.seal(url.getBytes(StandardCharsets.UTF_8)), vault.sealingKeyId().orElseThrow());
        }

        @Override
        public void close() {
            team.close();
            local.close();
        }
    }

    @TempDir
    static Path dir;
    static PostgresCluster.Login login;
    static Desktop alice;
    static Desktop bob;
    static BlockingQueue<HistoryChange> seenByBob = new LinkedBlockingQueue<>();
    static TeamHistoryChanges bobListens;

    @BeforeAll
    static void open() throws InterruptedException {
        login = PostgresCluster.shared().newDatabase();
        alice = Desktop.open("alice", dir, login);
        bob = Desktop.open("bob", dir, login);
        bob.team().migrate();
        bobListens = new TeamHistoryChanges(bob.team().connection(), seenByBob::add).start();
    }

    @AfterAll
    static void close() {
        bobListens.close();
        alice.close();
        bob.close();
    }

    private static HistoryChange next() throws InterruptedException {
        HistoryChange change = seenByBob.poll(60, TimeUnit.SECONDS);
        assertThat(change).as("a change notification").isNotNull();
        return change;
    }

    /** Waits until the listener is connected, by making a change and waiting for its notification. */
    private static void awaitListening() throws InterruptedException {
        for (int i = 0; i < 600 && !bobListens.isListening(); i++) {
            Thread.sleep(100);
        }
        assertThat(bobListens.isListening()).isTrue();
    }

    @Test
    void eachDesktopSeesTheOthersLinksAndIsToldOfEveryChange() throws InterruptedException {
        awaitListening();
        seenByBob.clear();
        long before = bob.history().newestId();
        long id = alice.share("reports/Q3 budget.xlsx", "https://team-bucket.s3.example/reports/Q3?X-Amz-Signature=a1");

        assertThat(next()).isEqualTo(new HistoryChange(HistoryChange.Kind.INSERTED, new long[] {id}));
        List<HistoryEntry> fresh = bob.history().newerThan(before, ALL, NOW, 100);
        assertThat(fresh).extracting(HistoryEntry::id).containsExactly(id);
        assertThat(fresh.get(0).madeBy()).isEqualTo("alice");
        assertThat(bob.history().matching(new long[] {id}, ALL.withSearch("budget"), NOW)).hasSize(1);
        assertThat(bob.history().matching(new long[] {id}, ALL.withMadeBy("bob"), NOW)).isEmpty();
        assertThat(bob.history().page(ALL.withSearch("q3 budget"), NOW, 0, 50, -1)).extracting(HistoryEntry::id)
                .contains(id);

        long bobs = bob.share("photos/team day.jpg", "https://team-bucket.s3.example/photos?X-Amz-Signature=b2");
        assertThat(next().ids()).containsExactly(bobs);
        assertThat(alice.history().page(ALL.withMadeBy("bob"), NOW, 0, 50, -1)).extracting(HistoryEntry::id)
                .contains(bobs);

        alice.history().updateDetails(id, new ShareDetails("final numbers", "cfo@example.com", List.of("q3")));
        assertThat(next()).isEqualTo(new HistoryChange(HistoryChange.Kind.UPDATED, new long[] {id}));
        assertThat(bob.history().entry(id).orElseThrow().note()).isEqualTo("final numbers");

        bob.history().delete(bobs);
        assertThat(next()).isEqualTo(new HistoryChange(HistoryChange.Kind.DELETED, new long[] {bobs}));
        assertThat(alice.history().entry(bobs)).isEmpty();
    }

    @Test
    void aBulkLoadIsOneNotificationToReloadAndARolledBackInsertNone() throws InterruptedException {
        awaitListening();
        seenByBob.clear();
        alice.team().inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO share (uid, made_by, created_at, region, bucket, "
                    + "object_key, method, options, requested_expiry_seconds, expires_at, expiry_limited_by, "
                    + "url_redacted) SELECT gen_random_uuid(), 'alice', now(), 'eu-west-1', 'b', 'x' || g, 'GET', "
                    + "'{}', 60, now(), 'REQUESTED', 'https://x' FROM generate_series(1, 201) g");
            c.rollback();
            return null;
        });
        alice.team().inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO share (uid, made_by, "
                + "created_at, region, bucket, object_key, method, options, requested_expiry_seconds, expires_at, "
                + "expiry_limited_by, url_redacted) SELECT gen_random_uuid(), 'alice', now(), 'eu-west-1', 'b', "
                + "'bulk' || g, 'GET', '{}', 60, now(), 'REQUESTED', 'https://x' FROM generate_series(1, 201) g"));
        HistoryChange change = next();
        assertThat(change.kind()).isEqualTo(HistoryChange.Kind.INSERTED);
        assertThat(change.everything()).isTrue();
        alice.team().inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM share WHERE object_key "
                + "LIKE 'bulk%'"));
        assertThat(next().kind()).isEqualTo(HistoryChange.Kind.DELETED);
        assertThat(seenByBob).isEmpty();
    }

    @Test
    void onlyTheMakerOpensALinksUrl() {
        String url = "https://team-bucket.s3.example/contract.pdf?X-Amz-Signature=c3";
        long id = alice.share("legal/contract.pdf", url);
        alice.vault().unlock("password of alice".toCharArray());
        bob.vault().unlock("password of bob".toCharArray());
        assertThat(alice.urls().url(id)).contains(url);
        assertThatThrownBy(() -> bob.urls().url(id)).isInstanceOf(NotYourLinkException.class)
                .hasMessage("Made by alice — only alice can copy this link; Renew makes your own.")
                .satisfies(e -> assertThat(((NotYourLinkException) e).madeBy()).isEqualTo("alice"));
        TeamLinkUrls aliceElsewhere = new TeamLinkUrls(bob.team(), bob.vault(), "alice");
        assertThatThrownBy(() -> aliceElsewhere.url(id)).isInstanceOf(NotYourLinkException.class)
                .hasMessageContaining("another computer");
        assertThat(bob.urls().url(Long.MAX_VALUE)).isEmpty();
        assertThat(bob.history().entry(id).orElseThrow().share().urlKept()).isTrue();
    }

    @Test
    void afterAnOutageTheListenerReconnectsAndSaysItMayHaveMissedChanges() throws Exception {
        awaitListening();
        PostgresCluster cluster = PostgresCluster.shared();
        cluster.stop();
        try {
            for (int i = 0; i < 600 && bobListens.isListening(); i++) {
                Thread.sleep(100);
            }
            assertThat(bobListens.isListening()).isFalse();
            seenByBob.clear();
        } finally {
            cluster.restart();
        }
        assertThat(next().kind()).isEqualTo(HistoryChange.Kind.MISSED);
        long id = alice.share("after/outage.txt", "https://team-bucket.s3.example/after?X-Amz-Signature=d4");
        assertThat(next().ids()).containsExactly(id);
    }
}
