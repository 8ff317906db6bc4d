package org.linkdesk.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.upload.ExistingKeyPolicy;
import org.linkdesk.upload.UploadQueueView;
import org.linkdesk.upload.UploadQueueViewModel;

/**
 * Shows the upload queue on a local S3Proxy for a screenshot: args[0] a work directory. Queues a few files as a
 * drop would, prints READY when they are up (the last link is on the clipboard), and stays open until killed.
 */
public final class UploadQueueShot {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        S3ProxyServer s3 = S3ProxyServer.start();
        s3.createBucket("team-share");
        Services services = Services.open(dir.resolve("data"), Clock.systemUTC(), S3Http.createDefault());
        SigningIdentity who = new SigningIdentity(null, "Studio storage", s3.s3Endpoint(), S3ProxyServer.credentials());
        Path report = Files.write(dir.resolve("Q4 report.pdf"), new byte[1_284_512]);
        Path photos = Files.createDirectories(dir.resolve("launch photos"));
        Files.write(photos.resolve("DSC_0042.jpg"), new byte[734_003]);
        Files.write(photos.resolve("DSC_0043.jpg"), new byte[12 * 1024 * 1024]);
        Platform.startup(() -> {
            FxTaskRunner runner = new FxTaskRunner(2);
            UploadQueueViewModel model = new UploadQueueViewModel(services.uploads(), runner, TextClipboard.system(),
                    () -> who, taken -> ExistingKeyPolicy.KEEP_BOTH);
            model.setLinkExpiry(Duration.ofDays(7));
            UploadQueueView view = new UploadQueueView(model);
            Stage stage = new Stage();
            Scene scene = new Scene(view.root(), 860, 420);
            scene.getStylesheets().add(UploadQueueShot.class.getResource("/org/linkdesk/app/linkdesk.css")
                    .toExternalForm());
            stage.setScene(scene);
            stage.setTitle("Linkdesk — Uploads");
            stage.show();
            model.add(List.of(report, photos), "team-share", "incoming/");
            model.items().addListener((javafx.collections.ListChangeListener<org.linkdesk.upload.UploadItem>) c -> { });
            new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        return;
                    }
                    boolean[] done = {false};
                    Platform.runLater(() -> done[0] = model.items().size() == 3 && model.items().stream()
                            .allMatch(i -> i.stateProperty().get() == org.linkdesk.upload.UploadItem.State.DONE));
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (done[0]) {
                        System.out.println("READY");
                        System.out.flush();
                        return;
                    }
                }
            }).start();
        });
    }
}
