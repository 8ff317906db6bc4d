package org.linkdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkdesk.testing.FxFlow.waitUntil;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.browse.BrowserEntry;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.testing.FileDrag;
import org.linkdesk.testing.FxFlow;
import org.linkdesk.testing.OffUiThread;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.testing.Snapshots;
import org.linkdesk.ui.common.SceneFactory;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.upload.UploadItem;
import org.linkdesk.wiring.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files and folders dragged from a file manager onto the window and onto Browse's rows, delivered through the
 * scene's own drop-target listener (see {@link FileDrag}), end up on the server under the right folder.
 */
@ExtendWith(ApplicationExtension.class)
class DropUploadFlowTest {
    private static final String PASSWORD = "correct horse battery";
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    @TempDir
    static Path dataDir;
    @TempDir
    static Path local;
    private Services services;
    private FxTaskRunner tasks;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        OffUiThread.run(() -> {
            services = Services.open(dataDir.resolve("drop"));
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
    void filesDroppedOnAFolderRowAFileRowAndTheWindowGoWhereTheyShould(FxRobot robot) throws Exception {
        String bucket = S3.newBucket();
        S3.putObject(bucket, "inbox/old.txt", bytes("old"), "text/plain");
        S3.putObject(bucket, "readme.txt", bytes("readme"), "text/plain");
        File report = write(local.resolve("report.txt"), "quarterly figures");
        File notes = write(local.resolve("notes.txt"), "notes for the top folder");
        Path trip = Files.createDirectories(local.resolve("trip/day1"));
        write(trip.resolve("photo.jpg"), "jpeg bytes");
        write(local.resolve("trip/plan: final?.txt"), "the plan");
        FxFlow.unlock(robot, PASSWORD);
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);

        // Browse with no bucket open: the drag is refused and the status bar says what to do.
        robot.clickOn("Browse");
        Node browseTable = robot.lookup("#browseTable").query();
        FileDrag early = fx(() -> FileDrag.ofFiles(stage.getScene(), List.of(report)));
        assertThat(fx(() -> early.over(browseTable))).isNull();
        assertThat(fx(() -> early.over(browseTable))).isNull();
        assertThat(status.getText()).contains("Open a bucket in Browse first");
        fx(() -> {
            early.leave();
            return null;
        });
        assertThat(status.getText()).doesNotContain("Open a bucket");

        robot.clickOn("#browseBucketField").write(bucket).type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        TableView<BrowserEntry> table = (TableView<BrowserEntry>) browseTable;
        waitUntil(() -> table.getItems().size() == 2);

        // Onto the inbox/ folder's row: the row is marked while the files are over it, and they go into inbox/.
        FileDrag toFolder = fx(() -> FileDrag.ofFiles(stage.getScene(), List.of(report)));
        TableRow<?> inbox = row(robot, "inbox/");
        assertThat(fx(() -> toFolder.over(inbox))).isEqualTo(TransferMode.COPY);
        assertThat(fx(() -> toFolder.over(inbox))).isEqualTo(TransferMode.COPY);
        assertThat(inbox.getPseudoClassStates()).extracting(Object::toString).contains("drop-target");
        snapshot(robot, "drop-on-folder-row");
        assertThat(fx(() -> toFolder.drop(inbox))).isEqualTo(TransferMode.COPY);
        assertThat(inbox.getPseudoClassStates()).extracting(Object::toString).doesNotContain("drop-target");
        waitForUploads(robot, 1);
        assertThat(S3.getObject(bucket, "inbox/report.txt")).hasValueSatisfying(o ->
                assertThat(o.content()).isEqualTo(bytes("quarterly figures")));

        // Onto a file's row: the whole list is marked, and the file goes to the folder shown (the bucket's top).
        robot.clickOn("Browse");
        FileDrag toFileRow = fx(() -> FileDrag.ofFiles(stage.getScene(), List.of(notes)));
        TableRow<?> readme = row(robot, "readme.txt");
        assertThat(fx(() -> toFileRow.over(readme))).isEqualTo(TransferMode.COPY);
        assertThat(fx(() -> toFileRow.over(readme))).isEqualTo(TransferMode.COPY);
        assertThat(table.getPseudoClassStates()).extracting(Object::toString).contains("drop-target");
        assertThat(readme.getPseudoClassStates()).extracting(Object::toString).doesNotContain("drop-target");
        snapshot(robot, "drop-on-file-row");
        assertThat(fx(() -> toFileRow.drop(readme))).isEqualTo(TransferMode.COPY);
        assertThat(table.getPseudoClassStates()).extracting(Object::toString).doesNotContain("drop-target");
        waitForUploads(robot, 2);
        assertThat(S3.getObject(bucket, "notes.txt")).hasValueSatisfying(o ->
                assertThat(o.content()).isEqualTo(bytes("notes for the top folder")));

        // A folder onto the window (the Uploads tab is shown now): it recurses, keeps its own name and structure,
        // and goes to the folder open in Browse; the status bar said where while it was over the window.
        Node queue = robot.lookup("#queueTable").query();
        FileDrag folder = fx(() -> FileDrag.ofFiles(stage.getScene(), List.of(local.resolve("trip").toFile())));
        assertThat(fx(() -> folder.over(queue))).isEqualTo(TransferMode.COPY);
        assertThat(fx(() -> folder.over(status))).isEqualTo(TransferMode.COPY);
        assertThat(status.getText()).isEqualTo("Drop to upload to " + bucket + "/");
        snapshot(robot, "drop-on-window");
        assertThat(fx(() -> folder.drop(status))).isEqualTo(TransferMode.COPY);
        assertThat(status.getText()).startsWith("Uploading 1 item to " + bucket + "/");
        waitForUploads(robot, 4);
        assertThat(S3.getObject(bucket, "trip/day1/photo.jpg")).hasValueSatisfying(o ->
                assertThat(o.content()).isEqualTo(bytes("jpeg bytes")));
        // The key sanitiser's rules apply inside a folder upload too (':' and '?' become '_').
        assertThat(S3.getObject(bucket, "trip/plan_ final_.txt")).hasValueSatisfying(o ->
                assertThat(o.content()).isEqualTo(bytes("the plan")));

        // Text dragged from an editor is not a file: refused, nothing queued; leaving restores the status bar.
        FileDrag text = fx(() -> FileDrag.ofText(stage.getScene(), "just words"));
        assertThat(fx(() -> text.over(queue))).isNull();
        FileDrag passing = fx(() -> FileDrag.ofFiles(stage.getScene(), List.of(notes)));
        String before = status.getText();
        assertThat(fx(() -> passing.over(queue))).isEqualTo(TransferMode.COPY);
        assertThat(status.getText()).startsWith("Drop to upload to");
        fx(() -> {
            passing.leave();
            return null;
        });
        assertThat(status.getText()).isEqualTo(before);
        assertThat(robot.lookup("#queueTable").queryAs(TableView.class).getItems()).hasSize(4);

        // Locked: files cannot be uploaded (nor signed for); the drag is refused and the status bar says why.
        robot.clickOn("#lockButton");
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isPresent());
        FileDrag whileLocked = fx(() -> FileDrag.ofFiles(stage.getScene(), List.of(notes)));
        assertThat(fx(() -> whileLocked.over(status))).isNull();
        assertThat(status.getText()).isEqualTo("Unlock Linkdesk first, then drop the files again.");
    }

    /** With -Dlinkdesk.snapshots=DIR: what the test saw, in the light and the dark theme. */
    private void snapshot(FxRobot robot, String name) {
        if (System.getProperty("linkdesk.snapshots") != null) {
            robot.interact(() -> Snapshots.save(stage.getScene(), name));
            robot.interact(() -> new SceneFactory().applyTheme(true));
            robot.interact(() -> Snapshots.save(stage.getScene(), name + "-dark"));
            robot.interact(() -> new SceneFactory().applyTheme(false));
        }
    }

    private static void waitForUploads(FxRobot robot, int count) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<UploadItem> queue = robot.lookup("#queueTable").queryAs(TableView.class);
        waitUntil(60, () -> queue.getItems().size() == count
                && queue.getItems().stream().allMatch(i -> i.stateProperty().get() == UploadItem.State.DONE));
    }

    private static TableRow<?> row(FxRobot robot, String name) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> !r.isEmpty() && r.getItem() instanceof BrowserEntry e && e.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + name));
    }

    /** Runs {@code action} on the FX thread, as the toolkit calls the drop-target listener, and waits for it. */
    private static <T> T fx(Callable<T> action) throws Exception {
        T out = WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return out;
    }

    private static File write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        return file.toFile();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
