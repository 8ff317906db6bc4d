package org.linkdesk.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.app.MainWindow;
import org.linkdesk.wiring.Services;
import org.linkdesk.store.ThemeSetting;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the hand-over screenshots of docs/images (copy menu, QR dialog, test result, key warning) from the real
 * app in a real X server. Not part of the test run (its name does not end in Test); run it with
 * <pre>
 * xvfb-run -a -s "-screen 0 1280x800x24" mvn -o -q test -Dtest=HandoverScreenshots -Dheadless=false \
 *     -Dlinkdesk.shots=docs/images
 * </pre>
 */
@ExtendWith(ApplicationExtension.class)
class HandoverScreenshots {
    static {
        // The build's test settings choose headless Monocle; these shots need the real X server.
        System.setProperty("glass.platform", "gtk");
        System.setProperty("testfx.headless", "false");
        System.setProperty("java.awt.headless", "false");
    }

    private static final boolean DARK = "dark".equals(System.getProperty("linkdesk.shots.theme"));
    @TempDir
    static Path dataDir;
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private Services services;
    private FxTaskRunner tasks;

    @Start
    void start(Stage stage) {
        // -Dlinkdesk.shots.theme=dark takes the same shots in the dark theme, named *-dark.png.
        org.linkdesk.testing.OffUiThread.run(() -> {
            services = Services.open(dataDir.resolve("shots"));
            services.theme().setChoice(DARK ? ThemeSetting.Choice.DARK : ThemeSetting.Choice.LIGHT);
        });
        tasks = new FxTaskRunner(2);
        new MainWindow(services, tasks, TextClipboard.system(), ZoneId.of("UTC")).show(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1100);
        stage.setHeight(800);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        services.close();
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        String bucket = "team-share";
        if (!S3.bucketExists(bucket)) {
            S3.createBucket(bucket);
        }
        S3.putObject(bucket, "reports/2026/Q3 report.pdf", "%PDF-1.7\n".repeat(1000).getBytes(StandardCharsets.US_ASCII),
                "application/pdf");
        waitUntil(robot, () -> robot.lookup("#masterPasswordField").tryQuery().isPresent());
        robot.clickOn("#masterPasswordField").write("correct horse battery");
        robot.clickOn("#masterPasswordConfirmField").write("correct horse battery");
        robot.clickOn("#masterPasswordSubmit");
        waitUntil(robot, () -> robot.lookup("#masterPasswordField").tryQuery().isEmpty());
        robot.clickOn("New profile…");
        robot.clickOn("#nameField").write("Studio storage");
        robot.clickOn("#accessKeyIdField").write(S3ProxyServer.ACCESS_KEY_ID);
        robot.clickOn("#secretField").write(S3ProxyServer.SECRET_ACCESS_KEY);
        robot.clickOn("#endpointField").write(S3.endpoint());
        robot.clickOn("#profileSaveButton");
        waitUntil(robot, () -> robot.lookup("#profileSaveButton").tryQuery().isEmpty());

        robot.clickOn("#bucketField").write(bucket);
        robot.clickOn("#keyField").write("reports/../2026/Q3 report.pdf");
        WaitForAsyncUtils.waitForFxEvents();
        shot("handover-key-warning");
        TextField key = robot.lookup("#keyField").queryAs(TextField.class);
        robot.interact(() -> key.setText("reports/2026/Q3 report.pdf"));
        robot.clickOn("Download options (optional)");
        robot.clickOn("#downloadNameField").write("Q3 report (final).pdf");
        javafx.scene.control.Button generate = robot.lookup("#generateButton").queryButton();
        robot.interact(generate::fire); // the expanded options may push it below the window
        TextField urlField = robot.lookup("#urlField").queryAs(TextField.class);
        waitUntil(robot, () -> !urlField.getText().isEmpty());

        robot.clickOn(".split-menu-button .arrow-button");
        WaitForAsyncUtils.waitForFxEvents();
        shot("handover-copy-menu");
        robot.push(KeyCode.ESCAPE);

        robot.clickOn("Test link");
        Label result = robot.lookup(".handover-result").queryAs(Label.class);
        waitUntil(robot, () -> result.getText().startsWith("Works"));
        shot("handover-test-ok");

        S3.deleteObject(bucket, "reports/2026/Q3 report.pdf");
        robot.clickOn("Test link");
        waitUntil(robot, () -> result.getText().startsWith("No such object"));
        shot("handover-test-failed");

        robot.clickOn("QR code…");
        waitUntil(robot, () -> robot.lookup("Save PNG…").tryQuery().isPresent());
        shot("handover-qr");
        robot.clickOn("Close");
    }

    private static void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // A screenshot tool, not a test: give new windows time to be drawn before the X server is read.
        Thread.sleep(1500);
        Path dir = Path.of(System.getProperty("linkdesk.shots", "target/shots"));
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", "1100x800+0+0", "+repage",
                dir.resolve(name + (DARK ? "-dark" : "") + ".png").toString()).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + name);
        }
    }

    private static void waitUntil(FxRobot robot, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            boolean[] ok = new boolean[1];
            robot.interact(() -> ok[0] = condition.getAsBoolean());
            return ok[0];
        });
    }
}
