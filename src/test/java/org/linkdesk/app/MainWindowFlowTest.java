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
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.testing.Snapshots;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A user's first session: create the master password and a profile, make a link, copy, verify, find it in History. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFlowTest {
    @TempDir
    static Path dataDir;

    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private Services services;
    private FxTaskRunner tasks;

    @Start
    void start(Stage stage) {
        services = org.linkdesk.testing.OffUiThread.call(() -> Services.open(dataDir.resolve("flow")));
        tasks = new FxTaskRunner(2);
        new MainWindow(services, tasks, TextClipboard.system(), ZoneId.of("UTC")).show(stage);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        services.close();
    }

    @Test
    void makeCopyVerifyAndFindALink(FxRobot robot) throws Exception {
        String bucket = S3.newBucket();
        byte[] body = "hello from linkdesk".getBytes(StandardCharsets.UTF_8);
        S3.putObject(bucket, "reports/Q3 résumé.txt", body, "text/plain");

        // First start: create the master password.
        FxFlow.createMasterPassword(robot, "correct horse battery");

        // A profile for the local S3-compatible server.
        robot.clickOn("New profile…");
        robot.clickOn("#nameField").write("local");
        robot.clickOn("#accessKeyIdField").write(S3ProxyServer.ACCESS_KEY_ID);
        robot.clickOn("#secretField").write(S3ProxyServer.SECRET_ACCESS_KEY);
        robot.clickOn("#endpointField").write(S3.endpoint());
        robot.clickOn("#profileSaveButton");
        waitUntil(() -> robot.lookup("#profileSaveButton").tryQuery().isEmpty());

        // Make the link.
        robot.clickOn("#bucketField").write(bucket);
        robot.clickOn("#keyField").write("reports/Q3 résumé.txt");
        robot.clickOn("#generateButton");
        TextField urlField = robot.lookup("#urlField").queryAs(TextField.class);
        waitUntil(() -> !urlField.getText().isEmpty());
        String url = urlField.getText();
        assertThat(url).startsWith(S3.endpoint() + "/" + bucket + "/reports/Q3%20r%C3%A9sum%C3%A9.txt?");

        HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(body);

        robot.interact(() -> Snapshots.save(urlField.getScene(), "main-after-generate"));

        // Copy.
        robot.interact(() -> Snapshots.save(urlField.getScene(), "main-before-copy"));
        robot.clickOn("#copyButton");
        robot.interact(() -> Snapshots.save(urlField.getScene(), "main-after-copy"));
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo(url);

        // Verify.
        robot.clickOn("#verifyButton");
        Label size = robot.lookup("#sizeLabel").queryAs(Label.class);
        waitUntil(() -> size.getText() != null && size.getText().contains("bytes"));
        assertThat(size.getText()).contains(body.length + " bytes");
        robot.interact(() -> Snapshots.save(size.getScene(), "main-after-verify"));

        // History.
        robot.clickOn("History");
        @SuppressWarnings("unchecked")
        TableView<HistoryEntry> table = robot.lookup("#historyTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems() != null && !table.getItems().isEmpty());
        assertThat(table.getItems().get(0).share().key()).isEqualTo("reports/Q3 résumé.txt");
        assertThat(table.getItems().get(0).share().bucket()).isEqualTo(bucket);
        robot.interact(() -> Snapshots.save(table.getScene(), "history"));

        // The upload queue is a tab of the window; its "copy each link" box shows the stored choice (copy).
        robot.clickOn("Uploads");
        waitUntil(() -> robot.lookup("#queueTable").tryQuery().isPresent());
        assertThat(robot.lookup("#queueCopyLinks").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
    }

}
