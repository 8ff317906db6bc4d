package org.linkdesk.browse;

import static org.linkdesk.testing.FxFlow.waitUntil;
import org.linkdesk.testing.FxFlow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.app.MainWindow;
import org.linkdesk.wiring.Services;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.testing.Snapshots;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Browse into a prefix, look at an object, select several and make a batch of links with per-type expiries. */
@ExtendWith(ApplicationExtension.class)
class BrowseFlowTest {
    private static final String PASSWORD = "correct horse battery";
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dataDir;
    private static String bucket;
    private Services services;
    private FxTaskRunner tasks;

    @BeforeAll
    static void seed() {
        bucket = S3.newBucket();
        put("projects/alpha/Quarterly report.pdf", "application/pdf", Map.of("author", "Ada Lovelace"));
        put("projects/alpha/launch photo.jpg", "image/jpeg", Map.of());
        put("projects/alpha/notes – draft.txt", "text/plain", Map.of());
        put("projects/alpha/archive/2025.zip", "application/zip", Map.of());
        put("projects/beta/readme.md", "text/markdown", Map.of());
        for (int i = 0; i < 2_500; i++) {
            put(String.format("bulk/log-%05d.txt", i), "text/plain", Map.of());
        }
        put("top-level.csv", "text/csv", Map.of());
    }

    private static void put(String key, String type, Map<String, String> metadata) {
        S3.putObject(bucket, key, ("content of " + key).getBytes(StandardCharsets.UTF_8), type, metadata);
    }

    @Start
    void start(Stage stage) {
        org.linkdesk.testing.OffUiThread.run(() -> {
            services = Services.open(dataDir.resolve("browse"));
            if (!services.vault().isCreated()) {
                services.vault().create(PASSWORD.toCharArray());
                services.vault().unlock(PASSWORD.toCharArray());
                services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                        S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, S3.endpoint(), true));
                services.vault().lock();
            }
        });
        tasks = new FxTaskRunner(2);
        new MainWindow(services, tasks, TextClipboard.system(), ZoneId.of("UTC")).show(stage);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        services.close();
    }

    @Test
    void browseIntoAPrefixAndMakeBatchLinks(FxRobot robot) throws Exception {
        FxFlow.unlock(robot, PASSWORD);

        robot.clickOn("Browse");
        robot.clickOn("#browseBucketField").write(bucket).type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        TableView<BrowserEntry> table = robot.lookup("#browseTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 3);
        assertThat(table.getItems()).extracting(BrowserEntry::name)
                .containsExactly("bulk/", "projects/", "top-level.csv");

        // A big folder opens with its first page; scrolling to the end fetches more.
        robot.doubleClickOn("bulk/");
        waitUntil(() -> table.getItems().size() >= 1_000);
        assertThat(table.getItems().size()).isLessThan(2_500);
        Label status = robot.lookup("#browseStatusLabel").queryAs(Label.class);
        for (int page = 2; page <= 3; page++) {
            int expected = Math.min(2_500, page * 1_000);
            // Scroll to the last row until the next page is in (a slow, loaded machine may need a while). The view
            // may fetch the page after it too before this loop looks again, so "at least" is what scrolling promises.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (table.getItems().size() < expected && System.nanoTime() < deadline) {
                robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
                Thread.sleep(200);
            }
            assertThat(table.getItems().size()).as("rows after scrolling to the end; status: %s", status.getText())
                    .isBetween(expected, 2_500);
        }
        assertThat(table.getItems()).hasSize(2_500);
        waitUntil(() -> status.getText().contains("2,500 objects"));

        // Breadcrumb back to the top, then into projects/alpha/.
        robot.clickOn((javafx.scene.Node) robot.lookup("#browseBreadcrumb .hyperlink").query());
        waitUntil(() -> table.getItems().size() == 3);
        robot.doubleClickOn("projects/");
        waitUntil(() -> table.getItems().size() == 2);
        robot.doubleClickOn("alpha/");
        waitUntil(() -> table.getItems().size() == 4);
        assertThat(table.getItems()).extracting(BrowserEntry::name)
                .containsExactly("archive/", "Quarterly report.pdf", "launch photo.jpg", "notes – draft.txt");

        // Details of one object, with its user metadata from HEAD.
        robot.clickOn("Quarterly report.pdf");
        Label type = robot.lookup("#browseTypeLabel").queryAs(Label.class);
        waitUntil(() -> "application/pdf".equals(type.getText()));
        waitUntil(() -> robot.lookup("Ada Lovelace").tryQuery().isPresent());
        robot.interact(() -> Snapshots.save(table.getScene(), "browse-details"));

        // Enter makes a link at once with the default preset and copies it.
        robot.type(KeyCode.ENTER);
        TextField url = robot.lookup("#browseUrlField").queryAs(TextField.class);
        waitUntil(() -> !url.getText().isEmpty());
        assertThat(get(url.getText()).statusCode()).isEqualTo(200);
        assertThat(url.getText()).contains("X-Amz-Expires=3600");
        long afterQuickLink = services.shares().count();

        // Select three objects and make a batch.
        robot.press(KeyCode.CONTROL).clickOn("launch photo.jpg").clickOn("notes – draft.txt").release(KeyCode.CONTROL);
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(3);
        robot.clickOn("#browseBatchSelectedButton");
        waitUntil(() -> robot.lookup("#batchMakeButton").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<BatchRow> rows = robot.lookup("#batchTable").queryAs(TableView.class);
        assertThat(rows.getItems()).extracting(r -> r.expiryProperty().get())
                .containsExactly("2 days", "7 days", "1 day");
        robot.interact(() -> Snapshots.save(rows.getScene(), "batch-dialog"));
        robot.clickOn("#batchMakeButton");
        waitUntil(() -> rows.getItems().stream().noneMatch(r -> r.urlProperty().get().isEmpty()));
        assertThat(services.shares().count()).isEqualTo(afterQuickLink + 3);
        for (BatchRow row : rows.getItems()) {
            HttpResponse<String> got = get(row.urlProperty().get());
            assertThat(got.statusCode()).as(row.key()).isEqualTo(200);
            assertThat(got.body()).isEqualTo("content of " + row.key());
        }
        assertThat(rows.getItems().get(0).urlProperty().get()).contains("X-Amz-Expires=172800");
        assertThat(rows.getItems().get(1).urlProperty().get()).contains("X-Amz-Expires=604800");

        robot.clickOn("#batchCopyAllButton");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertThat(clip[0].split("\n")).hasSize(3).allMatch(line -> line.startsWith(S3.endpoint()));
        robot.interact(() -> Snapshots.save(rows.getScene(), "batch-done"));
        robot.clickOn("#batchCloseButton");
        waitUntil(() -> robot.lookup("#batchTable").tryQuery().isEmpty());
        robot.interact(() -> Snapshots.save(table.getScene(), "browse"));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }


}
