package org.linkdesk.app;

import static org.linkdesk.testing.FxFlow.waitUntil;

import org.linkdesk.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At start-up the window shows before the database is open: it says so and offers nothing to click until the data
 * is attached; then it asks for the master password, and the tabs appear only once unlocked.
 */
@ExtendWith(ApplicationExtension.class)
class WindowBeforeDataTest {
    @TempDir
    static Path dataDir;

    private MainWindow window;
    private FxTaskRunner tasks;
    private Services services;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskRunner(2);
        window = new MainWindow(dataDir, tasks, TextClipboard.system(), ZoneId.of("UTC"));
        window.show(stage);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theWindowWaitsForItsDataThenAsksForThePassword(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Opening your data…").tryQuery()).isPresent();
        assertThat(robot.lookup("#masterPasswordField").tryQuery()).isEmpty();
        assertThat(robot.lookup("#profileBox").tryQuery()).isEmpty();
        assertThat(robot.lookup(".tab-pane").tryQuery()).isEmpty();

        services = org.linkdesk.testing.OffUiThread.call(() -> Services.open(dataDir));
        robot.interact(() -> window.attach(services));
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isPresent());
        assertThat(robot.lookup("Create a master password").tryQuery()).isPresent();
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertThat(status.getText()).contains(dataDir.toAbsolutePath().toString());

        // Enter submits, although the hidden link form (built meanwhile) has a default button of its own.
        waitUntil(() -> robot.lookup("#generateButton").tryQuery().isPresent());
        robot.clickOn("#masterPasswordField").write("correct horse battery");
        robot.clickOn("#masterPasswordConfirmField").write("correct horse battery")
                .type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isEmpty());
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.isVisible()).isTrue();
        assertThat(robot.lookup("#generateButton").tryQuery()).isPresent();
        assertThat(robot.lookup(".locked-pane").query().isVisible()).isFalse();
        assertThat(robot.lookup("#profileBox").queryAs(ComboBox.class).isVisible()).isTrue();

        // Lock: the form comes back in unlock mode; a wrong password is refused in place, the right one opens.
        robot.clickOn("#lockButton");
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isPresent());
        assertThat(robot.lookup("Linkdesk is locked").tryQuery()).isPresent();
        assertThat(robot.lookup("#masterPasswordConfirmField").query().isVisible()).isFalse();
        assertThat(tabs.isVisible()).isFalse();
        robot.clickOn("#masterPasswordField").write("wrong horse battery").type(javafx.scene.input.KeyCode.ENTER);
        Label problem = robot.lookup(".unlock-pane .problem").queryAs(Label.class);
        waitUntil(() -> !problem.getText().isEmpty());
        assertThat(problem.getText()).containsIgnoringCase("password");
        robot.doubleClickOn("#masterPasswordField").eraseText(19).write("correct horse battery")
                .type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isEmpty());
        assertThat(tabs.isVisible()).isTrue();
    }

}
