package org.linkdesk.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.linkdesk.app.MainWindow;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.store.ThemeSetting;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.wiring.Services;

/**
 * Takes the docs/images screenshots of the main screens in one theme, in a real X window: run under Xvfb with
 * {@code -Dprism.order=sw}; args: output directory, "light" or "dark". Each shot is {@code import -window root}.
 * See docs/SCREENSHOTS.md.
 */
public final class ThemeShots {
    private ThemeShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String theme = args[1];
        Files.createDirectories(out);
        S3ProxyServer s3 = S3ProxyServer.start();
        s3.createBucket("team-share");
        s3.putObject("team-share", "reports/2026/Q3 report.pdf", "%PDF-1.7 sample".getBytes(StandardCharsets.UTF_8),
                "application/pdf");
        s3.putObject("team-share", "photos/launch party/DSC_0042.jpg", new byte[734_003], "image/jpeg");
        s3.putObject("team-share", "handbook.txt", new byte[14], "text/plain");
        Path data = Files.createTempDirectory("linkdesk-shots");
        Services services = Services.open(data);
        services.vault().create("hunter2hunter2".toCharArray());
        Profile p = services.profiles().create(new ProfileDraft("Studio storage", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, "us-east-1", s3.endpoint(), true));
        SigningIdentity id = SigningIdentity.of(p, services.profiles().credentials(p));
        services.links().generate(id, "team-share", "reports/2026/Q3 report.pdf", LinkOptions.get(Duration.ofDays(3)),
                "for the board", new ShareExtras("board@studio.test", List.of("finance", "q3"), null, null));
        services.links().generate(id, "team-share", "photos/launch party/DSC_0042.jpg",
                LinkOptions.get(Duration.ofHours(2)), null, ShareExtras.NONE);
        services.theme().setChoice(theme.equals("dark") ? ThemeSetting.Choice.DARK : ThemeSetting.Choice.LIGHT);
        services.vault().lock();

        FxTaskRunner tasks = new FxTaskRunner(2);
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(services, tasks, text -> { }, ZoneId.of("UTC"));
            window.show(stage);
            shown.complete(stage);
        });
        Stage stage = shown.get(30, TimeUnit.SECONDS);
        waitFor(() -> lookup(stage, "#masterPasswordField") != null);
        fx(() -> {
            ((PasswordField) lookup(stage, "#masterPasswordField")).setText("hunter2hunter2");
            ((Button) lookup(stage, "#masterPasswordSubmit")).fire();
        });
        waitFor(() -> lookup(stage, "#masterPasswordField") == null && lookup(stage, "#bucketField") != null);

        fx(() -> {
            ((TextField) lookup(stage, "#bucketField")).setText("team-share");
            ((TextField) lookup(stage, "#keyField")).setText("handbook.txt");
            ((Button) lookup(stage, "#verifyButton")).fire();
        });
        waitFor(() -> ((Button) lookup(stage, "#generateButton")).isDisabled() == false);
        pause();
        fx(() -> ((Button) lookup(stage, "#generateButton")).fire());
        waitFor(() -> !((TextField) lookup(stage, "#urlField")).getText().isEmpty());
        shoot(out, "link-form-" + theme);

        TabPane tabs = (TabPane) lookup(stage, ".tab-pane");
        fx(() -> tabs.getSelectionModel().select(1));
        waitFor(() -> lookup(stage, "#browseBucketField") != null);
        fx(() -> {
            ((TextField) lookup(stage, "#browseBucketField")).setText("team-share");
            ((Button) lookup(stage, "#browseOpenBucketButton")).fire();
        });
        @SuppressWarnings("unchecked")
        TableView<Object> browse = (TableView<Object>) lookup(stage, "#browseTable");
        waitFor(() -> browse.getItems().size() >= 3);
        fx(() -> browse.getSelectionModel().select(browse.getItems().size() - 1));
        pause();
        shoot(out, "browse-" + theme);

        fx(() -> tabs.getSelectionModel().select(2));
        waitFor(() -> lookup(stage, "#historyTable") != null);
        @SuppressWarnings("unchecked")
        TableView<Object> history = (TableView<Object>) lookup(stage, "#historyTable");
        waitFor(() -> history.getItems() != null && history.getItems().size() >= 3);
        fx(() -> history.getSelectionModel().select(1));
        pause();
        shoot(out, "history-" + theme);

        // A dialog: Edit details of the selected link (modal: opened later, shot, then closed).
        Platform.runLater(() -> ((Button) lookup(stage, "#historyEditButton")).fire());
        waitFor(() -> Window.getWindows().size() > 1);
        pause();
        shoot(out, "dialog-edit-" + theme);
        fx(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        Platform.runLater(() -> ((Button) lookup(stage, "#helpButton")).fire());
        waitFor(() -> Window.getWindows().size() > 1);
        pause();
        shoot(out, "dialog-shortcuts-" + theme);
        fx(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));

        Platform.exit();
        tasks.close();
        services.close();
        s3.close();
        System.exit(0);
    }

    private static Node lookup(Stage stage, String selector) {
        return stage.getScene() == null ? null : stage.getScene().lookup(selector);
    }

    private static void fx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            CompletableFuture<Boolean> ok = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    ok.complete(condition.getAsBoolean());
                } catch (RuntimeException e) {
                    ok.complete(false);
                }
            });
            if (ok.get(30, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }

    /** Lets layout, CSS and a paint happen before the shot (a screenshot tool, not a test). */
    private static void pause() throws InterruptedException {
        Thread.sleep(700);
    }

    private static void shoot(Path out, String name) throws Exception {
        pause();
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", "1040x760+120+13", "+repage",
                out.resolve(name + ".png").toString()).inheritIO().start();
        p.waitFor(60, TimeUnit.SECONDS);
    }
}
