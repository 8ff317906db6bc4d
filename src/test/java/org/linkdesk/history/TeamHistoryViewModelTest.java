package org.linkdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.team.TeamMode;
import org.linkdesk.team.TeamSettings;
import org.linkdesk.team.TeamSetup;
import org.linkdesk.team.ui.TeamSettingsViewModel;
import org.linkdesk.team.ui.TeamStatusViewModel;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.ui.common.ScriptedDialogs;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.wiring.Services;

/**
 * Two desktops on one team database, their view models without a stage: the settings dialog's Test / Use / Turn off,
 * Made by and Mine / Everyone, another member's links put on top while the list stays the same, and the status
 * indicator.
 */
class TeamHistoryViewModelTest {
    @TempDir
    Path dir;
    private final List<Services> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Services::close);
    }

    private Services desktop(String name) {
        Services s = Services.open(dir.resolve(name), java.time.Clock.systemUTC(), S3Http.createDefault());
        opened.add(s);
        s.vault().create(("master of " + name).toCharArray());
        return s;
    }

    private static Map<String, String> env(String name) {
        return Map.of("LINKDESK_DISPLAY_NAME", name, "HOME", "/nonexistent");
    }

    private static void make(Services s, String key) {
        Profile p = s.profiles().list().isEmpty() ? s.profiles().create(new ProfileDraft("work", "AKIAEXAMPLE0000001",
                "secret/example+key", null, false, "eu-west-1", null, false)) : s.profiles().list().get(0);
        s.links().generate(SigningIdentity.of(p, s.profiles().credentials(p)), "team-bucket", key,
                LinkOptions.get(Duration.ofHours(5)), null, ShareExtras.NONE);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 30 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void settingsDialogTestsUsesAndTurnsOffAndTheHistoryFollowsLive() throws Exception {
        PostgresCluster.Login login = PostgresCluster.shared().newDatabase();
        Services alice = desktop("alice");
        DirectTaskRunner tasks = new DirectTaskRunner();
        TeamSettings aliceSettings = alice.teamSettings(env("Alice"));
        TeamSetup setup = new TeamSetup(aliceSettings, new TeamSetup.Modes() {
            @Override
            public void useTeam(TeamSettings.Resolved r) {
                alice.useTeam(aliceSettings, r, false);
            }

            @Override
            public void leaveTeam() {
                alice.leaveTeam();
            }
        }, null);
        TeamSettingsViewModel settings = new TeamSettingsViewModel(setup, tasks);
        List<Boolean> switched = new ArrayList<>();
        settings.setOnSwitched(switched::add);
        settings.load();
        assertThat(settings.stateProperty().get()).startsWith("Off").contains("\u201cAlice\u201d");

        make(alice, "alice/before-team.pdf");
        settings.urlProperty().set(login.url());
        settings.userProperty().set(login.user());
        settings.passwordProperty().set("wrong password");
        settings.test();
        assertThat(settings.resultOkProperty().get()).isFalse();
        assertThat(settings.resultProperty().get()).contains("refused the login").doesNotContain("wrong password")
                .doesNotContain("Exception");
        settings.passwordProperty().set(login.password());
        settings.test();
        assertThat(settings.resultProperty().get()).as(settings.resultProperty().get()).startsWith("Connected: "
                + "PostgreSQL 15");
        settings.use();
        assertThat(switched).containsExactly(true);
        assertThat(alice.team()).isPresent();
        assertThat(settings.passwordProperty().get()).isEmpty();
        assertThat(settings.stateProperty().get()).startsWith("On: " + login.url());
        assertThat(aliceSettings.stored().passwordKept()).isTrue();

        make(alice, "alice/own.pdf");
        TeamMode aliceTeam = alice.team().orElseThrow();
        assertThat(aliceTeam.flush(Duration.ofSeconds(20))).isZero();
        TeamStatusViewModel status = new TeamStatusViewModel(tasks);
        status.attach(aliceTeam.sender());
        assertThat(status.textProperty().get()).isEqualTo("Team: connecting…");
        status.reachable(true);
        assertThat(status.textProperty().get()).isEqualTo("Team: online");
        status.reachable(false);
        assertThat(status.textProperty().get()).isEqualTo("Team: offline");
        status.reachable(true);

        HistoryViewModel history = new HistoryViewModel(alice.history(), alice.historyExchange(), alice.linkUrls(),
                tasks, text -> { }, new ScriptedDialogs());
        ScriptedDialogs dialogs = new ScriptedDialogs();
        TeamHistoryViewModel team = new TeamHistoryViewModel(history, tasks, dialogs, mode -> mode.historyMove(
                new org.linkdesk.store.PersonalHistoryRows(alice.database(), alice.vault())));
        history.refresh();
        team.attach(aliceTeam);
        await(() -> history.rowsProperty().get() != null && history.rowsProperty().get().size() == 1);
        // Copying this computer's history in: the link made before team mode arrives, the one sent already is skipped.
        dialogs.answer(true);
        team.moveHistory();
        assertThat(dialogs.last("confirm").text()).contains("\u201cAlice\u201d");
        assertThat(history.messageProperty().get()).isEqualTo("Copied 1 link into the team history (1 already there).");
        await(() -> history.rowsProperty().get().size() == 2);
        dialogs.answer(true);
        team.moveHistory();
        assertThat(history.messageProperty().get()).isEqualTo("Copied 0 links into the team history (2 already there).");
        PagedHistoryList shown = history.rowsProperty().get();
        assertThat(shown.get(0).madeBy()).isEqualTo("Alice");
        List<String> changes = new ArrayList<>();
        shown.addListener((ListChangeListener<HistoryEntry>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "added " : "other ") + c.getFrom() + ".." + c.getTo());
            }
        });

        // Bob, another desktop on the same database, makes two links: they appear on top of Alice's list.
        Services bob = desktop("bob");
        TeamSettings bobSettings = bob.teamSettings(Map.of("LINKDESK_DISPLAY_NAME", "Bob", "HOME", "/nonexistent",
                "PGUSER", login.user(), "PGPASSWORD", login.password()));
        TeamMode bobTeam = bob.useTeam(bobSettings, bobSettings.resolve(login.url()).orElseThrow(), false);
        make(bob, "bob/one.pdf");
        make(bob, "bob/two.pdf");
        assertThat(bobTeam.flush(Duration.ofSeconds(20))).isZero();
        await(() -> history.rowsProperty().get().size() == 4);
        assertThat(history.rowsProperty().get()).isSameAs(shown);
        assertThat(changes).allMatch(c -> c.startsWith("added 0.."));
        assertThat(List.of(shown.get(0).share().key(), shown.get(1).share().key(), shown.get(2).share().key()))
                .containsExactly("bob/two.pdf", "bob/one.pdf", "alice/own.pdf");
        assertThat(shown.get(3).share().key()).isEqualTo("alice/before-team.pdf");
        assertThat(shown.get(0).madeBy()).isEqualTo("Bob");
        assertThat(team.isMine(shown.get(0))).isFalse();
        assertThat(team.isMine(shown.get(2))).isTrue();

        team.mineOnlyProperty().set(true);
        assertThat(history.queryProperty().get().madeBy()).isEqualTo("Alice");
        await(() -> history.rowsProperty().get().size() == 2);
        team.mineOnlyProperty().set(false);
        await(() -> history.rowsProperty().get().size() == 4);

        settings.turnOff();
        assertThat(switched).containsExactly(true, false);
        assertThat(alice.team()).isEmpty();
        team.detach();
        status.detach();
        assertThat(status.visibleProperty().get()).isFalse();
        history.refresh();
        assertThat(history.rowsProperty().get().size()).isEqualTo(2);
        assertThat(history.rowsProperty().get().get(0).madeBy()).isNull();
    }
}
