package org.linkdesk.app;

import static org.linkdesk.testing.FxFlow.waitUntil;
import org.linkdesk.testing.FxFlow;

import org.linkdesk.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.profiles.Profile;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.testing.Snapshots;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A newcomer with the sandbox running: master password, "Add the Sandbox profile", the form pre-filled with a sample,
 * a link that works; then the About dialog. The sandbox server is played by the tests' S3Proxy.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunSandboxTest {
    @TempDir
    static Path dataDir;

    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();
    private Services services;
    private FxTaskRunner tasks;
    private MainWindow window;
    private final String[] opened = new String[1];

    @Start
    void start(Stage stage) {
        services = org.linkdesk.testing.OffUiThread.call(() -> Services.open(dataDir.resolve("first-run-" + RUNS.incrementAndGet())));
        tasks = new FxTaskRunner(2);
        window = new MainWindow(services, tasks, TextClipboard.system(), ZoneId.of("UTC"));
        window.setOpener(uri -> opened[0] = uri);
        window.show(stage);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        services.close();
    }

    @Test
    void sandboxProfileIsOfferedAfterTheMasterPasswordAndMakesAWorkingLink(FxRobot robot) throws Exception {
        String bucket = S3.newBucket();
        byte[] body = "Welcome to Linkdesk!".getBytes(StandardCharsets.UTF_8);
        S3.putObject(bucket, "welcome.txt", body, "text/plain");
        robot.interact(() -> window.setSandbox(SandboxOffer.of(new SandboxOffer.Settings(S3.endpoint(),
                S3ProxyServer.REGION, S3ProxyServer.ACCESS_KEY_ID, S3ProxyServer.SECRET_ACCESS_KEY, bucket,
                "welcome.txt"))));

        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isPresent());
        robot.clickOn("#masterPasswordField").write("correct horse battery");
        robot.clickOn("#masterPasswordConfirmField").write("correct horse battery");
        robot.clickOn("#masterPasswordSubmit");

        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent());
        robot.interact(() -> Snapshots.save(robot.lookup("#confirmPane").query().getScene(), "sandbox-offer"));
        robot.clickOn("#confirmButton");

        @SuppressWarnings("unchecked")
        ComboBox<Profile> profiles = robot.lookup("#profileBox").queryAs(ComboBox.class);
        waitUntil(() -> profiles.getValue() != null && profiles.getValue().name().equals("Sandbox"));
        assertThat(profiles.getValue().pathStyle()).isTrue();
        assertThat(profiles.getValue().endpointUrl()).isEqualTo(S3.endpoint());
        TextField bucketField = robot.lookup("#bucketField").queryAs(TextField.class);
        TextField keyField = robot.lookup("#keyField").queryAs(TextField.class);
        waitUntil(() -> bucket.equals(bucketField.getText()) && "welcome.txt".equals(keyField.getText()));

        robot.clickOn("#generateButton");
        TextField link = robot.lookup("#urlField").queryAs(TextField.class);
        waitUntil(() -> link.getText() != null && link.getText().startsWith("http"));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(link.getText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);

        robot.clickOn("#aboutButton");
        waitUntil(() -> robot.lookup("#aboutDataDir").tryQuery().isPresent());
        TextField dataField = robot.lookup("#aboutDataDir").queryAs(TextField.class);
        assertThat(dataField.getText()).isEqualTo(services.dataDirectory().toAbsolutePath().toString());
        TableView<?> libraries = robot.lookup("#aboutLibraries").queryAs(TableView.class);
        assertThat(libraries.getItems()).hasSizeGreaterThanOrEqualTo(8);
        robot.interact(() -> Snapshots.save(dataField.getScene(), "about"));
        robot.clickOn("#aboutOpenFolderButton");
        assertThat(opened[0]).isEqualTo(services.dataDirectory().toAbsolutePath().toUri().toString());
        robot.clickOn("#aboutCloseButton");
        waitUntil(() -> robot.lookup("#aboutDataDir").tryQuery().isEmpty());
    }

    @Test
    void withoutASandboxNothingIsOffered(FxRobot robot) throws Exception {
        FxFlow.createMasterPassword(robot, "correct horse battery");
        // With no sandbox the window decides on unlock, on the FX thread, before the form goes (no wait needed).
        assertThat(robot.lookup("#confirmButton").tryQuery()).isEmpty();
    }

}
