package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.TeamOutbox;
import org.linkdesk.testing.PostgresCluster;

/** The outbox sender on a real PostgreSQL server: every link once, through outages, refusals and lost deletes. */
class OutboxSenderTest {
    @TempDir
    Path dir;

    @Test
    void sendsEveryWaitingLinkOnceWithItsMakerAndSealedUrl() throws Exception {
        try (TeamFixture f = new TeamFixture(dir, "alice")) {
            ShareRecord first = f.shares.insert(TeamFixture.share(1));
            f.shares.insertAll(TeamFixture.shares(2, 3));
            assertThat(f.outbox.waiting()).isEqualTo(4);

            OutboxSender.Result result = new OutboxSender(f.outbox, f.team).sendWaiting();

            assertThat(result.complete()).isTrue();
            assertThat(result.sent()).isEqualTo(4);
            assertThat(f.outbox.waiting()).isZero();
            List<UUID> local = f.localUids();
            assertThat(f.teamUids()).containsExactlyElementsOf(local);
            UUID uid = local.get(0);
            assertThat(f.teamValue(uid, "made_by")).isEqualTo("alice");
            assertThat(f.teamValue(uid, "object_key")).isEqualTo("file-1.pdf");
            assertThat(f.teamValue(uid, "note")).isEqualTo("note 1");
            assertThat(f.teamValue(uid, "sealed_for")).isEqualTo(f.sealedFor());
            assertThat(f.teamValue(uid, "url_redacted").toString()).doesNotContain("ab".repeat(32));
            byte[] sealed = (byte[]) f.teamValue(uid, "url_sealed");
            assertThat(TeamFixture.text(f.vault.unseal(sealed))).isEqualTo(f.shares.url(first.id()).orElseThrow());
        }
    }

    @Test
    void aSendWhoseLocalDeleteWasLostIsNotStoredTwice() {
        try (TeamFixture f = new TeamFixture(dir, "bob")) {
            f.shares.insertAll(TeamFixture.shares(1, OutboxSender.BATCH + 50));
            OutboxSender sender = new OutboxSender(f.outbox, f.team);
            sender.afterTeamCommit(() -> {
                throw new IllegalStateException("killed between the team commit and the local delete");
            });
            assertThatThrownBy(sender::sendWaiting).hasMessageContaining("killed between");
            assertThat(f.outbox.waiting()).isEqualTo(OutboxSender.BATCH + 50);
            assertThat(f.teamUids()).hasSize(OutboxSender.BATCH);

            sender.afterTeamCommit(() -> { });
            assertThat(sender.sendWaiting().complete()).isTrue();

            assertThat(f.outbox.waiting()).isZero();
            assertThat(f.teamUids()).containsExactlyElementsOf(f.localUids());
        }
    }

    @Test
    void aRowTheTeamDatabaseRefusesWaitsWithItsErrorWithoutHoldingBackTheOthers() {
        try (TeamFixture f = new TeamFixture(dir, "carol")) {
            f.team.migrate();
            f.team.inTransaction(c -> c.createStatement().executeUpdate(
                    "ALTER TABLE share ADD CONSTRAINT no_poison CHECK (object_key <> 'poison.bin')"));
            f.shares.insert(TeamFixture.share(1));
            f.shares.insert(TeamFixture.share(2, "poison.bin"));
            f.shares.insert(TeamFixture.share(3));

            OutboxSender sender = new OutboxSender(f.outbox, f.team);
            OutboxSender.Result result = sender.sendWaiting();

            assertThat(result.complete()).isFalse();
            assertThat(result.offline()).isFalse();
            assertThat(result.waiting()).isEqualTo(1);
            assertThat(result.error()).contains("team-bucket/poison.bin").contains("no_poison")
                    .doesNotContain("Batch entry", "note 2");
            assertThat(sender.status()).isEqualTo(new OutboxStatus(true, 1, result.error()));
            TeamOutbox.Entry left = f.outbox.next(0, 10).get(0);
            assertThat(left.attempts()).isEqualTo(1);
            assertThat(left.row().value("object_key")).isEqualTo("poison.bin");
            assertThat(f.teamUids()).hasSize(2).doesNotContain(left.uid());
        }
    }

    /**
     * The team database goes down in the middle of a send (after the first batch's commit) and stays down while more
     * links are made; once it is back every link is there exactly once.
     */
    @Test
    void replaysEverythingAfterTheDatabaseIsStoppedAndStartedMidway() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        try (TeamFixture f = new TeamFixture(dir, "dave")) {
            f.team.migrate();
            f.shares.insertAll(TeamFixture.shares(1, 2 * OutboxSender.BATCH + 30));
            BlockingQueue<OutboxStatus> statuses = new LinkedBlockingQueue<>();
            AtomicBoolean stopOnce = new AtomicBoolean(true);
            try (OutboxSender sender = new OutboxSender(f.outbox, f.team)) {
                sender.afterTeamCommit(() -> {
                    if (stopOnce.getAndSet(false)) {
                        stop(cluster);
                    }
                });
                sender.addListener(statuses::add);
                sender.start();
                OutboxStatus down = await(statuses, s -> !s.online());
                assertThat(down.waiting()).isEqualTo(OutboxSender.BATCH + 30);
                assertThat(down.summary()).isEqualTo("offline — " + (OutboxSender.BATCH + 30) + " links waiting");
                assertThat(down.lastError()).contains("cannot be reached");

                f.shares.insert(TeamFixture.share(1_000));
                f.shares.insertAll(TeamFixture.shares(1_001, 5));
                await(statuses, s -> !s.online() && s.waiting() == OutboxSender.BATCH + 36);

                cluster.restart();
                sender.wake();
                OutboxStatus back = await(statuses, s -> s.online() && s.waiting() == 0);
                assertThat(back.summary()).isEmpty();
            } finally {
                cluster.restart();
            }
            List<UUID> local = f.localUids();
            assertThat(local).hasSize(2 * OutboxSender.BATCH + 36);
            assertThat(f.teamUids()).containsExactlyInAnyOrderElementsOf(local).doesNotHaveDuplicates();
            assertThat(f.outbox.waiting()).isZero();
        }
    }

    @Test
    void anUnreachableDatabaseLeavesEverythingWaitingAndSaysSo() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (TeamFixture f = new TeamFixture(dir, "erin");
             TeamDatabase nowhere = TeamDatabase.open(new TeamConnection("jdbc:postgresql://127.0.0.1:" + closedPort
                     + "/none", "x", "y"), 1)) {
            f.shares.insertAll(TeamFixture.shares(1, 3));
            OutboxSender sender = new OutboxSender(f.outbox, nowhere);
            OutboxSender.Result result = sender.sendWaiting();
            assertThat(result.offline()).isTrue();
            assertThat(result.waiting()).isEqualTo(3);
            assertThat(sender.status().summary()).isEqualTo("offline — 3 links waiting");
            assertThat(f.outbox.next(0, 10)).hasSize(3);
        }
    }

    private static void stop(PostgresCluster cluster) {
        try {
            cluster.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutboxStatus await(BlockingQueue<OutboxStatus> statuses, Predicate<OutboxStatus> wanted)
            throws InterruptedException {
        while (true) {
            OutboxStatus s = statuses.poll(120, TimeUnit.SECONDS);
            assertThat(s).as("an outbox status in time").isNotNull();
            if (wanted.test(s)) {
                return s;
            }
        }
    }
}
