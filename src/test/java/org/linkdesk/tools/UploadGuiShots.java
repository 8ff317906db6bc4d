package org.linkdesk.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.S3Uploads;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.common.SceneFactory;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.upload.ExistingKeyPolicy;
import org.linkdesk.upload.UnfinishedUploadsDialog;
import org.linkdesk.upload.UnfinishedUploadsViewModel;
import org.linkdesk.upload.UploadItem;
import org.linkdesk.upload.UploadLinkDialog;
import org.linkdesk.upload.UploadLinkViewModel;
import org.linkdesk.upload.UploadLinks;
import org.linkdesk.upload.UploadQueueView;
import org.linkdesk.upload.UploadQueueViewModel;
import org.linkdesk.wiring.Services;

/**
 * The upload screenshots under Xvfb: {@code UploadGuiShots WORK_DIR OUT_DIR light|dark} shows the queue after a drop
 * (links copied), the unfinished uploads of a bucket, and the upload-link dialog (POST; multipart with its JSON; a
 * refused part size), each taken with
 * {@code import -window root} on the same DISPLAY, then exits.
 */
public final class UploadGuiShots {
    private UploadGuiShots() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        boolean dark = args[2].equals("dark");
        S3ProxyServer s3 = S3ProxyServer.start();
        s3.createBucket("team-share");
        Services services = Services.open(dir.resolve("data-" + args[2]), Clock.systemUTC(), S3Http.createDefault());
        SigningIdentity who = new SigningIdentity(null, "Studio storage", s3.s3Endpoint(), S3ProxyServer.credentials());
        S3Uploads calls = new S3Uploads(services.s3());
        calls.createMultipartUpload(who.endpoint(), who.credentials(), "team-share", "backups/site-2026-11.tar", null);
        calls.createMultipartUpload(who.endpoint(), who.credentials(), "team-share", "video/keynote-raw.mov", null);
        Path report = Files.write(dir.resolve("Q4 report.pdf"), new byte[1_284_512]);
        Path photos = Files.createDirectories(dir.resolve("launch photos"));
        Files.write(photos.resolve("DSC_0042.jpg"), new byte[734_003]);
        Files.write(photos.resolve("DSC_0043.jpg"), new byte[12 * 1024 * 1024]);
        SceneFactory scenes = new SceneFactory();
        FxTaskRunner runner = new FxTaskRunner(2);
        CompletableFuture<UploadQueueViewModel> queued = new CompletableFuture<>();
        Platform.startup(() -> {
            scenes.applyTheme(dark);
            UploadQueueViewModel model = new UploadQueueViewModel(services.uploads(), runner, TextClipboard.system(),
                    () -> who, taken -> ExistingKeyPolicy.KEEP_BOTH);
            model.setLinkExpiry(Duration.ofDays(7));
            UploadQueueView view = new UploadQueueView(model);
            Stage stage = new Stage();
            stage.setScene(scenes.create(view.root(), 900, 440));
            stage.show();
            model.add(List.of(report, photos), "team-share", "incoming/");
            queued.complete(model);
        });
        UploadQueueViewModel model = queued.get();
        for (int i = 0; i < 200 && !allDone(model); i++) {
            Thread.sleep(200);
        }
        shoot(out.resolve("upload-queue-" + args[2] + ".png"));
        Platform.runLater(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                ((Stage) w).close();
            }
            var vm = new UnfinishedUploadsViewModel(services.uploads(), runner, null, () -> who,
                    model::continueUpload);
            UnfinishedUploadsDialog dialog = new UnfinishedUploadsDialog(vm, ZoneOffset.UTC, null, scenes);
            dialog.show();
            vm.load("team-share");
        });
        Thread.sleep(2500);
        shoot(out.resolve("unfinished-uploads-" + args[2] + ".png"));
        Platform.runLater(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                ((Stage) w).close();
            }
            var links = new UploadLinks(services.links(), services::s3, Clock.systemUTC());
            var vm = new UploadLinkViewModel(links, runner, null, text -> { }, () -> who, "team-share", "inbox/");
            vm.contentTypeProperty().set("image/");
            new UploadLinkDialog(vm, null, scenes).show();
            vm.generate();
        });
        Thread.sleep(2500);
        shoot(out.resolve("upload-link-" + args[2] + ".png"));
        Platform.runLater(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                ((Stage) w).close();
            }
            var links = new UploadLinks(services.links(), services::s3, Clock.systemUTC());
            var vm = new UploadLinkViewModel(links, runner, null, text -> { }, () -> who, "team-share", "inbox/");
            vm.kindProperty().set(UploadLinkViewModel.Kind.MULTIPART);
            vm.keyProperty().set("inbox/keynote-raw.mov");
            vm.fileSizeProperty().set("12GiB");
            vm.partSizeProperty().set("64MiB");
            UploadLinkDialog dialog = new UploadLinkDialog(vm, null, scenes);
            dialog.show();
            vm.outputs().addListener((javafx.collections.ListChangeListener<UploadLinks.Output>) c -> Platform.runLater(
                    () -> ((javafx.scene.control.TabPane) dialog.stage().getScene().lookup("#uploadLinkOutputs"))
                            .getSelectionModel().selectLast()));
            vm.generate();
        });
        Thread.sleep(3000);
        shoot(out.resolve("upload-link-multipart-" + args[2] + ".png"));
        Platform.runLater(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                ((Stage) w).close();
            }
            var links = new UploadLinks(services.links(), services::s3, Clock.systemUTC());
            var vm = new UploadLinkViewModel(links, runner, null, text -> { }, () -> who, "team-share", "inbox/");
            vm.kindProperty().set(UploadLinkViewModel.Kind.MULTIPART);
            vm.keyProperty().set("inbox/keynote-raw.mov");
            vm.fileSizeProperty().set("100GiB");
            vm.partSizeProperty().set("8MiB");
            new UploadLinkDialog(vm, null, scenes).show();
            vm.generate();
        });
        Thread.sleep(2000);
        shoot(out.resolve("upload-link-multipart-refused-" + args[2] + ".png"));
        Platform.exit();
        System.exit(0);
    }

    private static boolean allDone(UploadQueueViewModel model) throws Exception {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Platform.runLater(() -> done.complete(model.items().size() == 3 && model.items().stream()
                .allMatch(i -> i.stateProperty().get() == UploadItem.State.DONE)));
        return done.get();
    }

    private static void shoot(Path png) throws Exception {
        Thread.sleep(800);
        new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start().waitFor();
    }
}
