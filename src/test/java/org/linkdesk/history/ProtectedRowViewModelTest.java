package org.linkdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.PasswordHasher;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.shares.SqlProtectedShareStore;
import org.linkdesk.store.Database;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryStore;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.Vault;
import org.linkdesk.ui.common.ScriptedDialogs;
import org.linkdesk.ui.tasks.DirectTaskRunner;

/** The History's protected-link bar without a stage: the real services and database, scripted dialogs. */
class ProtectedRowViewModelTest {
    @TempDir
    Path dir;
    Database database;
    ProtectedShareService service;
    ProtectedHistory history;
    HistoryStore store;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    ProtectedRowViewModel vm;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        service = new ProtectedShareService(new SqlProtectedShareStore(database), new PasswordHasher(1024, 1, 1),
                Clock.systemUTC());
        service.setPublicUrl("https://share.example.com/");
        history = new ProtectedHistory(service, new ShareStore(database, new Vault(database)), database);
        store = new HistoryStore(database);
        vm = new ProtectedRowViewModel(history, new DirectTaskRunner(), dialogs, ZoneId.of("UTC"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anOrdinaryRowShowsNoBarAndCannotBeRevoked() {
        Instant now = Instant.now();
        new ShareStore(database, new Vault(database)).insert(new NewShare(now, null, null, "AKIDEXAMPLE",
                "https://s3.example.com", "us-east-1", "bucket-a", "plain.txt", LinkOptions.get(Duration.ofHours(1)),
                now.plusSeconds(3600), EffectiveExpiry.Limit.REQUESTED,
                "https://s3.example.com/bucket-a/plain.txt?X-Amz-Signature=abc", null));
        vm.select(rows(HistoryQuery.NEWEST_FIRST).get(0));
        assertThat(vm.shownProperty().get()).isFalse();
        vm.revoke();
        assertThat(dialogs.asked()).isEmpty();
    }

    @Test
    void aProtectedRowShowsCountsAndCancellingTheConfirmationKeepsItActive() {
        ProtectedHistory.Recorded made = history.create(new NewProtectedShare("alice", "bucket-a", "team/plan.pdf",
                null, 10L, Duration.ofDays(1), null, "pw".toCharArray(), null), null, "work");
        assertThat(made.link()).isEqualTo("https://share.example.com/s/" + made.share().id());
        List<HistoryEntry> found = rows(HistoryQuery.NEWEST_FIRST.withSearch("plan.pdf"));
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.tags()).contains(ProtectedHistory.TAG);
            assertThat(e.share().profileName()).isEqualTo("work");
            assertThat(e.urlRedacted()).startsWith("https://share.example.com/s/")
                    .doesNotContain(made.share().id());
        });
        assertThat(store.count(HistoryQuery.NEWEST_FIRST.withTag(ProtectedHistory.TAG), Instant.now())).isEqualTo(1);

        vm.select(found.get(0));
        assertThat(vm.shownProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get())
                .isEqualTo("Protected link · 0 / no limit downloads · last download never · active · password");

        dialogs.answer(false);
        vm.revoke();
        assertThat(service.find(made.share().id()).orElseThrow().revokedAt()).isNull();
        vm.loadLog(() -> { });
        assertThat(vm.log()).isEmpty();
        assertThat(vm.logTitleProperty().get()).startsWith("0 downloads of team/plan.pdf");

        dialogs.answer(true);
        vm.revoke();
        assertThat(service.find(made.share().id()).orElseThrow().revokedAt()).isNotNull();
        assertThat(vm.messageProperty().get()).contains("Revoked");

        vm.select(null);
        assertThat(vm.shownProperty().get()).isFalse();
    }

    @Test
    void deletingTheHistoryRowKeepsTheShareButUnties() {
        ProtectedHistory.Recorded made = history.create(new NewProtectedShare("alice", "bucket-a", "x.bin", null,
                1L, Duration.ofHours(1), 3, null, null), null, null);
        store.delete(new long[] {made.historyId()});
        assertThat(history.forHistoryRow(made.historyId())).isEmpty();
        assertThat(service.find(made.share().id())).isPresent();
    }

    private List<HistoryEntry> rows(HistoryQuery query) {
        return store.page(query, Instant.now(), 0, 10, -1);
    }
}
