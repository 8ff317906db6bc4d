package org.linkdesk.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import javafx.application.Application;
import javafx.stage.Stage;
import org.linkdesk.history.HistoryView;
import org.linkdesk.history.HistoryViewModel;
import org.linkdesk.history.ProtectedRowViewModel;
import org.linkdesk.ui.common.SceneFactory;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.wiring.Services;

/**
 * Shows the History tab with protected links in a real window (Xvfb) for the README screenshot:
 * {@code java -Dprism.order=sw -cp … org.linkdesk.tools.HistoryProtectedShot DATA_DIR [dark]}. A new DATA_DIR gets
 * three protected links with a few downloads; the oldest row (3 of 5 downloads) is selected so its download bar shows.
 */
public final class HistoryProtectedShot {
    private static Path dataDir;
    private static boolean dark;

    private HistoryProtectedShot() {
    }

    public static void main(String[] args) throws Exception {
        dataDir = Path.of(args[0]);
        dark = args.length > 1 && args[1].equals("dark");
        if (!Files.exists(dataDir)) {
            seed(dataDir);
        }
        Application.launch(Window.class, args);
    }

    private static void seed(Path dir) {
        try (Services services = Services.open(dir)) {
            ProtectedShareService shares = services.protectedShares();
            shares.setPublicUrl("https://share.example.com");
            ProtectedHistory history = services.protectedHistory();
            String agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";
            var a = history.create(new NewProtectedShare("work", "acme-reports", "2026/q3/board-pack.pdf", null,
                    2_400_000L, Duration.ofDays(3), 5, "board only".toCharArray(), "for the board"), null, "work");
            var b = history.create(new NewProtectedShare("work", "acme-media", "launch/teaser-final.mp4", null,
                    88_000_000L, Duration.ofDays(7), null, null, "press kit"), null, "work");
            var c = history.create(new NewProtectedShare("work", "acme-reports", "contracts/nda-signed.pdf", null,
                    310_000L, Duration.ofDays(1), 10, null, null), null, "work");
            shares.download(a.share().id(), "board only".toCharArray(), "203.0.113.7", agent);
            shares.download(a.share().id(), "board only".toCharArray(), "198.51.100.23", "curl/8.5.0");
            shares.download(a.share().id(), "board only".toCharArray(), "203.0.113.7", agent);
            shares.download(b.share().id(), null, "192.0.2.44", agent);
            shares.download(c.share().id(), null, "192.0.2.50", agent);
            shares.revoke(c.share().id());
        }
    }

    /** The window; a nested class so the launcher itself is no Application (JavaFX on the class path). */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Services services = Services.open(dataDir);
            FxTaskRunner tasks = new FxTaskRunner(2);
            SceneFactory scenes = new SceneFactory();
            HistoryViewModel model = new HistoryViewModel(services.history(), services.historyExchange(),
                    services.shares(), tasks, text -> { }, null);
            HistoryView view = new HistoryView(model, ZoneOffset.UTC, (b, k) -> { },
                    new ProtectedRowViewModel(services.protectedHistory(), tasks, null, ZoneOffset.UTC), scenes);
            // Outside the main window's tab pane the view has no background of its own.
            view.root().setStyle("-fx-background-color: -color-bg-default;");
            stage.setScene(scenes.create(view.root(), 1180, 640));
            stage.show();
            scenes.applyTheme(dark);
            model.refresh();
            // The rows arrive in the background; select the oldest once they are there, so its bar shows.
            var table = (javafx.scene.control.TableView<?>) view.root().lookup("#historyTable");
            javafx.animation.Timeline poll = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                    javafx.util.Duration.seconds(1), e -> {
                        if (table.getItems().size() > 2 && table.getItems().get(2) != null
                                && table.getSelectionModel().isEmpty()) {
                            table.getSelectionModel().select(2);
                        }
                    }));
            poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
            poll.play();
        }
    }
}
