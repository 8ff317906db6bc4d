package org.linkdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkdesk.testing.FxFlow.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.team.TeamSettings;
import org.linkdesk.testing.FxFlow;
import org.linkdesk.testing.OffUiThread;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.wiring.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window of a computer set up for team mode: after the unlock the History is the team's (Made by, Mine /
 * Everyone), the status bar says "Team: online", and the Team database dialog tests the connection.
 */
@ExtendWith(ApplicationExtension.class)
class TeamWindowFlowTest {
    private static final String MASTER = "team window master";
    @TempDir
    static Path dir;
    private Services alice;
    private FxTaskRunner tasks;
    private PostgresCluster.Login login;

    @Start
    void start(Stage stage) {
        login = PostgresCluster.shared().newDatabase();
        alice = OffUiThread.call(() -> {
            Services bob = Services.open(dir.resolve("bob"));
            try (bob) {
                bob.vault().create(MASTER.toCharArray());
                TeamSettings settings = bob.teamSettings(Map.of("HOME", dir.toString()));
                settings.save(login.url(), login.user(), login.password().toCharArray(), "Bob");
                var team = bob.useTeam(settings, settings.resolve(null).orElseThrow(), false);
                Profile p = bob.profiles().create(new ProfileDraft("work", "AKIAEXAMPLE0000001",
                        "secret/example+key", null, false, "eu-west-1", null, false));
                bob.links().generate(SigningIdentity.of(p, bob.profiles().credentials(p)), "team-bucket",
                        "bob/plan.pdf", LinkOptions.get(Duration.ofHours(5)), null, ShareExtras.NONE);
                team.flush(Duration.ofSeconds(20));
            }
            Services s = Services.open(dir.resolve("alice"));
            s.vault().create(MASTER.toCharArray());
            s.teamSettings(Map.of("HOME", dir.toString())).save(login.url(), login.user(),
                    login.password().toCharArray(), "Alice");
            s.vault().lock();
            return s;
        });
        tasks = new FxTaskRunner(2);
        new MainWindow(alice, tasks, TextClipboard.system(), ZoneId.of("UTC")).show(stage);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        alice.close();
    }

    @Test
    void theHistoryIsTheTeamsAfterTheUnlock(FxRobot robot) throws Exception {
        FxFlow.unlock(robot, MASTER);
        Label indicator = robot.lookup("#teamStatusLabel").queryAs(Label.class);
        waitUntil(() -> indicator.isVisible() && indicator.getText().equals("Team: online"));
        robot.clickOn("History");
        @SuppressWarnings("unchecked")
        TableView<HistoryEntry> table = robot.lookup("#historyTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems() != null && table.getItems().size() == 1 && table.getItems().get(0) != null);
        assertThat(table.getItems().get(0).madeBy()).isEqualTo("Bob");
        TableColumn<?, ?> madeBy = table.getColumns().stream().filter(c -> c.getText().equals("Made by"))
                .findFirst().orElseThrow();
        assertThat(madeBy.isVisible()).isTrue();
        robot.clickOn("#historyMineToggle");
        waitUntil(() -> table.getItems().size() == 0);
        robot.clickOn("#historyEveryoneToggle");
        waitUntil(() -> table.getItems().size() == 1);

        MenuButton more = robot.lookup("#profilesMenuButton").queryAs(MenuButton.class);
        robot.clickOn(more);
        robot.clickOn("Team database…");
        waitUntil(() -> robot.lookup("#teamTest").tryQuery().isPresent());
        robot.clickOn("#teamTest");
        Label result = robot.lookup("#teamResult").queryAs(Label.class);
        waitUntil(() -> result.getText().startsWith("Connected: PostgreSQL"));
        Label state = robot.lookup("#teamState").queryAs(Label.class);
        assertThat(state.getText()).startsWith("On: " + login.url()).contains("\u201cAlice\u201d");
        // Under Monocle the dialog may reach below the screen edge: fire the button rather than click it.
        javafx.scene.control.Button close = robot.lookup("#teamClose").queryAs(javafx.scene.control.Button.class);
        robot.interact(close::fire);
        waitUntil(() -> robot.lookup("#teamTest").tryQuery().isEmpty());
    }
}
