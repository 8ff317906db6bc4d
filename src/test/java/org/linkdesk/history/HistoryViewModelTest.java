package org.linkdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.CopyFormat;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.ui.common.ScriptedDialogs;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.ui.tasks.ManualTaskRunner;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.testing.MovableClock;
import org.linkdesk.wiring.Services;

/** The History view model without a stage: its questions through ScriptedDialogs, jobs with progress and cancel. */
class HistoryViewModelTest {
    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> clipboard = new ArrayList<>();
    private Services services;

    @BeforeEach
    void setUp() {
        services = Services.open(dir.resolve("data"), clock, S3Http.createDefault());
        services.vault().create("history view model".toCharArray());
        Profile p = services.profiles().create(new ProfileDraft("local", "AKIAEXAMPLE0000001", "secret/example+key",
                null, false, "eu-west-1", null, false));
        SigningIdentity id = SigningIdentity.of(p, services.profiles().credentials(p));
        for (String key : List.of("a/report.pdf", "b/photo.jpg", "c/data.csv")) {
            services.links().generate(id, "team-share", key, LinkOptions.get(Duration.ofHours(2)), null,
                    ShareExtras.NONE);
        }
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    private HistoryViewModel model(TaskRunner tasks) {
        HistoryViewModel m = new HistoryViewModel(services.history(), services.historyExchange(), services.shares(),
                tasks, clipboard::add, dialogs);
        m.refresh();
        return m;
    }

    private List<HistoryEntry> all() {
        List<HistoryEntry> entries = new ArrayList<>();
        services.history().store().forEach(HistoryQuery.NEWEST_FIRST, clock.instant(), entries::add);
        return entries;
    }

    @Test
    void deletingAsksFirstAndKeepsTheLinksWhenTheAnswerIsNo() {
        HistoryViewModel m = model(new DirectTaskRunner());
        dialogs.answer(false);
        m.askDelete(all().subList(0, 1));
        assertThat(all()).hasSize(3);
        assertThat(dialogs.last("confirm").text()).contains("Remove this link from the history?");

        dialogs.answer(true);
        m.askDelete(all().subList(0, 2));
        assertThat(all()).hasSize(1);
        assertThat(m.messageProperty().get()).startsWith("2 links removed");
    }

    @Test
    void editingAsksAgainWithWhatWasTypedWhileTheTagsAreInvalid() {
        HistoryViewModel m = model(new DirectTaskRunner());
        HistoryEntry entry = all().get(0);
        String tooLong = "x".repeat(500);
        dialogs.answer(List.of("legal@acme.test", "signed copy", tooLong))
                .answer(List.of("legal@acme.test", "signed copy", "legal, q3"));
        m.askEdit(entry);
        assertThat(dialogs.asked()).extracting(ScriptedDialogs.Asked::kind).containsExactly("form", "error", "form");
        HistoryEntry saved = services.history().store().entry(entry.id()).orElseThrow();
        assertThat(saved.recipient()).isEqualTo("legal@acme.test");
        assertThat(saved.note()).isEqualTo("signed copy");
        assertThat(saved.tags()).containsExactly("legal", "q3");
    }

    @Test
    void renewingAsksHowLongAndCopiesTheNewLink() {
        HistoryViewModel m = model(new DirectTaskRunner());
        HistoryEntry old = all().get(0);
        dialogs.answer("1 day");
        m.askRenew(old);
        HistoryEntry renewed = all().get(0);
        assertThat(renewed.renewedFrom()).isEqualTo(old.id());
        assertThat(renewed.share().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        assertThat(clipboard).containsExactly(services.shares().url(renewed.id()).orElseThrow());
    }

    @Test
    void copyAsPutsTheFormattedLinkOnTheClipboard() {
        HistoryViewModel m = model(new DirectTaskRunner());
        HistoryEntry entry = all().get(0);
        m.copyAs(entry, CopyFormat.MARKDOWN, ZoneOffset.UTC);
        assertThat(clipboard).containsExactly("[" + entry.share().key().substring(2) + "]("
                + services.shares().url(entry.id()).orElseThrow() + ")");
    }

    @Test
    void anExportShowsProgressMeanwhileAndACancelledOneWritesNoFile() throws Exception {
        ManualTaskRunner tasks = new ManualTaskRunner();
        HistoryViewModel m = model(tasks);
        tasks.runPending();
        Path file = dir.resolve("out.csv");
        dialogs.answer(file);
        m.export(null, false);
        assertThat(m.jobRunningProperty().get()).isTrue();
        assertThat(m.jobTextProperty().get()).isEqualTo("Exporting…");
        m.cancelJob();
        tasks.runPending();
        assertThat(m.jobRunningProperty().get()).isFalse();
        assertThat(file).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(m.messageProperty().get()).isEqualTo("Export cancelled: no file was written.");

        dialogs.answer(file);
        m.export(null, false);
        tasks.runPending();
        assertThat(Files.readAllLines(file)).hasSize(4);
        assertThat(dialogs.last("notice").text()).isEqualTo("Export written: 3 links in out.csv");
    }

    @Test
    void aCancelledImportAddsNothingAndAFinishedOneAddsAll() {
        Path file = dir.resolve("links.json");
        HistoryViewModel m = model(new DirectTaskRunner());
        dialogs.answer(file);
        m.export(null, false);
        services.history().store().delete(all().stream().mapToLong(HistoryEntry::id).toArray());

        ManualTaskRunner tasks = new ManualTaskRunner();
        HistoryViewModel later = model(tasks);
        tasks.runPending();
        dialogs.answer(file);
        later.importFile();
        later.cancelJob();
        tasks.runPending();
        assertThat(all()).isEmpty();
        assertThat(later.messageProperty().get()).isEqualTo("Import cancelled: nothing was added.");

        dialogs.answer(file);
        later.importFile();
        tasks.runPending();
        assertThat(all()).hasSize(3);
        assertThat(dialogs.last("notice").text()).startsWith("Imported 3 links");
    }

    @Test
    void purgingExpiredLinksAsksThenRemovesAllOrNothing() {
        clock.advance(Duration.ofHours(3));
        ManualTaskRunner tasks = new ManualTaskRunner();
        HistoryViewModel m = model(tasks);
        tasks.runPending();
        dialogs.answer(RetentionChoice.PURGE_NOW).answer(true);
        m.expired();
        tasks.runNext(); // counts, asks, starts the purge (held)
        assertThat(dialogs.last("choose").text()).startsWith("3 links in the history have expired.");
        assertThat(m.jobRunningProperty().get()).isTrue();
        m.cancelJob();
        tasks.runPending();
        assertThat(all()).hasSize(3);
        assertThat(m.messageProperty().get()).isEqualTo("Purge cancelled: nothing was deleted.");

        dialogs.answer(RetentionChoice.PURGE_NOW).answer(true);
        m.expired();
        tasks.runPending();
        assertThat(all()).isEmpty();
        assertThat(dialogs.last("notice").text()).isEqualTo("3 expired links purged");
    }

    @Test
    void keepingExpiredLinksForSomeDaysAsksHowManyAndRefusesNonsense() {
        HistoryViewModel m = model(new DirectTaskRunner());
        dialogs.answer(RetentionChoice.DAYS).answer("ninety");
        m.expired();
        assertThat(dialogs.last("error").text()).contains("not a number of days");
        assertThat(services.history().retention()).isEqualTo(Retention.FOREVER);

        dialogs.answer(RetentionChoice.DAYS).answer("90");
        m.expired();
        assertThat(services.history().retention()).isEqualTo(new Retention(Retention.Mode.DAYS, 90));
    }

    @Test
    void howToRevokeShowsTheAdviceAsText() {
        HistoryViewModel m = model(new DirectTaskRunner());
        m.showRevokeAdvice(all().get(0));
        assertThat(dialogs.last("text").title()).isEqualTo("How to revoke");
    }
}
