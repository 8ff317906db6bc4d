package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/** The team outbox hook of the local store: a row per recorded link, in the same transaction; none in personal mode. */
class TeamOutboxTest {
    private static final char[] PASSWORD = "team outbox store password".toCharArray();
    @TempDir
    Path dir;

    private static NewShare share(String key) {
        Instant now = Instant.parse("2026-12-04T10:00:00.5Z");
        return new NewShare(now, null, "work", "AKIAOUTBOX", null, "eu-central-1", "outbox-bucket", key,
                LinkOptions.get(Duration.ofHours(1)), now.plusSeconds(3600), EffectiveExpiry.Limit.REQUESTED,
                "https://outbox-bucket.s3.amazonaws.com/" + key + "?X-Amz-Signature=abc", "note " + key);
    }

    private static List<UUID> uids(TeamOutbox outbox) {
        return outbox.next(0, 1_000).stream().map(TeamOutbox.Entry::uid).toList();
    }

    private static List<UUID> historyUids(Database db, Vault vault) {
        return new PersonalHistoryRows(db, vault).page(0, 1_000, "x").stream().map(TeamShareRow::uid).toList();
    }

    @Test
    void rowsWaitForTheTeamDatabaseTheyWereMadeForAndNeverGoToAnother() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            ShareStore shares = new ShareStore(db, vault);
            TeamOutbox teamA = new TeamOutbox(db, () -> "alice", "jdbc:postgresql://a.example/team?password=x");
            shares.setOutbox(teamA);
            shares.insert(share("for-a"));
            TeamOutbox teamB = new TeamOutbox(db, () -> "alice", "jdbc:postgresql://b.example/team");
            shares.setOutbox(teamB);
            shares.insert(share("for-b"));
            assertThat(teamB.waiting()).isEqualTo(1);
            assertThat(teamB.next(0, 10)).extracting(e -> e.row().values().toString()).singleElement()
                    .asString().contains("for-b");
            assertThat(teamB.waitingForOtherTeams()).isEqualTo(1);
            // The same database named with other parameters is the same team.
            TeamOutbox againA = new TeamOutbox(db, () -> "alice", "jdbc:postgresql://a.example/team?ssl=true");
            assertThat(againA.waiting()).isEqualTo(1);
        }
    }

    @Test
    void personalModeWritesNoOutboxRows() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            ShareStore shares = new ShareStore(db, vault);
            shares.insert(share("a"));
            shares.insertAll(List.of(share("b"), share("c")));
            shares.importShares(List.of(new ImportedShare(share("d"), ShareExtras.NONE, null)));
            TeamOutbox outbox = new TeamOutbox(db, () -> "nobody");
            assertThat(outbox.waiting()).isZero();
            assertThat(shares.count()).isEqualTo(4);
        }
    }

    @Test
    void everyWayOfRecordingInTeamModeQueuesEachLinkOnceWithTheUidAMoveWouldUse() {
        byte[] key;
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            ShareJournal.takeIn(db, vault);
            AtomicInteger wakes = new AtomicInteger();
            TeamOutbox outbox = new TeamOutbox(db, () -> "alice");
            outbox.addListener(wakes::incrementAndGet);
            ShareStore shares = new ShareStore(db, vault);
            shares.setOutbox(outbox);

            ShareRecord a = shares.insert(share("a"));
            shares.insertAll(List.of(share("b"), share("c")));
            ImportResult imported = shares.importShares(List.of(new ImportedShare(share("d"), ShareExtras.NONE, null),
                    new ImportedShare(share("a"), ShareExtras.NONE, null)));
            assertThat(imported).isEqualTo(new ImportResult(1, 1));
            assertThat(wakes.get()).isEqualTo(3);
            assertThat(outbox.waiting()).isEqualTo(4);
            assertThat(uids(outbox)).containsExactlyElementsOf(historyUids(db, vault));
            TeamShareRow first = outbox.next(0, 1).get(0).row();
            assertThat(first.localId()).isEqualTo(a.id());
            assertThat(first.madeBy()).isEqualTo("alice");
            assertThat(first.value("note")).isEqualTo("note a");
            assertThat((String) first.value("sealed_for")).hasSize(64);
            assertThat(first.value("url_redacted").toString()).doesNotContain("abc");
            key = ShareJournal.rememberedSealingKey(dir).orElseThrow();
        }
        assertThat(dir.resolve(ShareJournal.TEAM_MODE_FILE_NAME)).doesNotExist();
        ShareJournal.append(dir, List.of(share("e"), share("f")), key);
        for (int open = 0; open < 2; open++) {
            try (Database db = Database.open(dir)) {
                Vault vault = new Vault(db);
                TeamOutbox outbox = new TeamOutbox(db, () -> "alice");
                ShareJournal.takeIn(db, vault, outbox);
                assertThat(outbox.waiting()).isEqualTo(6);
                assertThat(uids(outbox)).containsExactlyElementsOf(historyUids(db, vault));
            }
            assertThat(dir.resolve(ShareJournal.TEAM_MODE_FILE_NAME)).exists();
        }
    }

    @Test
    void aLinkIsRecordedWithItsOutboxRowOrNotAtAll() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            AtomicReference<String> name = new AtomicReference<>("bob");
            ShareStore shares = new ShareStore(db, vault);
            TeamOutbox outbox = new TeamOutbox(db, name::get);
            shares.setOutbox(outbox);
            shares.insert(share("kept"));

            name.set(" ");   // the outbox refuses to write a row without a maker
            assertThatThrownBy(() -> shares.insert(share("lost"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> shares.insertAll(List.of(share("x"), share("y"))))
                    .isInstanceOf(IllegalStateException.class);
            name.set("bob");
            List<Integer> written = new ArrayList<>();
            assertThatThrownBy(() -> shares.insertAll(List.of(share("p"), share("q")), () -> written.size() == 1,
                    written::add)).isInstanceOf(CancellationException.class);

            assertThat(shares.count()).isEqualTo(1);
            assertThat(outbox.waiting()).isEqualTo(1);
            assertThat(uids(outbox)).containsExactlyElementsOf(historyUids(db, vault));
        }
    }

    @Test
    void aRowGivenItsTeamUidKeepsItInTheOutboxTheMoveAndItsRenewals() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            ShareStore shares = new ShareStore(db, vault);
            TeamOutbox outbox = new TeamOutbox(db, () -> "dana");
            shares.setOutbox(outbox);
            UUID given = UUID.randomUUID();
            ShareRecord protectedRow = shares.insert(share("p"), ShareExtras.NONE,
                    "https://gw.example/s/abcd…REDACTED", given);
            shares.insert(share("renewal"), new ShareExtras(null, List.of(), null, protectedRow.id()));

            List<TeamOutbox.Entry> waiting = outbox.next(0, 10);
            assertThat(waiting.get(0).uid()).isEqualTo(given);
            assertThat(waiting.get(0).row().value("url_redacted")).isEqualTo("https://gw.example/s/abcd…REDACTED");
            assertThat(waiting.get(1).row().renewedFromUid()).isEqualTo(given);
            assertThat(historyUids(db, vault)).containsExactlyElementsOf(uids(outbox));
            assertThatThrownBy(() -> shares.insert(share("q"), ShareExtras.NONE, null, given))
                    .isInstanceOf(StoreException.class);
            assertThat(shares.count()).isEqualTo(2);
        }
    }

    @Test
    void sentRowsAreDeletedAndFailuresAreCounted() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            ShareStore shares = new ShareStore(db, vault);
            TeamOutbox outbox = new TeamOutbox(db, () -> "carol");
            shares.setOutbox(outbox);
            shares.insertAll(List.of(share("a"), share("b"), share("c")));
            List<TeamOutbox.Entry> waiting = outbox.next(0, 10);

            outbox.failed(List.of(waiting.get(1).uid()), "refused: " + "x".repeat(5_000));
            assertThat(outbox.delete(List.of(waiting.get(0).uid(), waiting.get(2).uid(), UUID.randomUUID())))
                    .isEqualTo(2);

            List<TeamOutbox.Entry> left = outbox.next(0, 10);
            assertThat(left).hasSize(1);
            assertThat(left.get(0).attempts()).isEqualTo(1);
            assertThat(left.get(0).lastError()).startsWith("refused: ").hasSize(2_000);
            assertThat(outbox.next(left.get(0).id(), 10)).isEmpty();
        }
    }

    @Test
    void theInstallationIdOutlivesReopeningSoUidsStayTheSame() {
        List<UUID> before;
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            new ShareStore(db, vault).insertAll(List.of(share("a"), share("b")));
            before = historyUids(db, vault);
        }
        try (Database db = Database.open(dir)) {
            assertThat(historyUids(db, new Vault(db))).containsExactlyElementsOf(before).doesNotHaveDuplicates();
        }
        try (Database other = Database.open(dir.resolve("other"))) {
            Vault vault = new Vault(other);
            vault.create(PASSWORD.clone());
            new ShareStore(other, vault).insertAll(List.of(share("a"), share("b")));
            assertThat(historyUids(other, vault)).doesNotContainAnyElementsOf(before);
        }
    }
}
