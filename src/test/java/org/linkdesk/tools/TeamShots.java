package org.linkdesk.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
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
import org.linkdesk.team.TeamSettings;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.wiring.Services;

/**
 * Team mode screenshots in a real X window (Xvfb, {@code -Dprism.order=sw}): the History of two members with
 * "Made by" and Mine / Everyone, the "Team database" dialog after Test connection, and the status bar offline with
 * a link waiting. Args: output directory, "light" or "dark". See docs/SCREENSHOTS.md.
 */
public final class TeamShots {
    private static final String MASTER = "hunter2hunter2";

    private TeamShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String theme = args[1];
        Files.createDirectories(out);
        PostgresCluster cluster = PostgresCluster.shared();
        PostgresCluster.Login login = cluster.newDatabase();
        S3ProxyServer s3 = S3ProxyServer.start();
        s3.createBucket("team-share");
        s3.putObject("team-share", "handbook.txt", new byte[14], "text/plain");

        Services bob = desktop("Bob Okafor", login, s3, theme);
        make(bob, "campaign/launch-teaser.mp4", Duration.ofDays(7), "press kit", List.of("launch"));
        make(bob, "contracts/nda-acme-signed.pdf", Duration.ofHours(20), "for Acme legal", List.of("legal"));
        bob.team().orElseThrow().flush(Duration.ofSeconds(20));
        Services alice = desktop("Alice Martin", login, s3, theme);
        make(alice, "reports/2026/Q3 report.pdf", Duration.ofDays(3), "for the board", List.of("finance", "q3"));
        alice.team().orElseThrow().flush(Duration.ofSeconds(20));
        make(bob, "photos/offsite/DSC_0042.jpg", Duration.ofDays(2), null, List.of());
        bob.team().orElseThrow().flush(Duration.ofSeconds(20));
        // Alice's window starts in team mode from her stored settings, after the unlock.
        alice.leaveTeam();
        alice.vault().lock();
        bob.close();

        FxTaskRunner tasks = new FxTaskRunner(2);
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(alice, tasks, text -> { }, ZoneId.of("UTC"));
            window.show(stage);
            shown.complete(stage);
        });
        Stage stage = shown.get(30, TimeUnit.SECONDS);
        waitFor(() -> lookup(stage, "#masterPasswordField") != null);
        fx(() -> {
            ((PasswordField) lookup(stage, "#masterPasswordField")).setText(MASTER);
            ((Button) lookup(stage, "#masterPasswordSubmit")).fire();
        });
        waitFor(() -> lookup(stage, "#masterPasswordField") == null && lookup(stage, "#bucketField") != null);
        TabPane tabs = (TabPane) lookup(stage, ".tab-pane");
        fx(() -> tabs.getSelectionModel().select(2));
        waitFor(() -> lookup(stage, "#historyTable") != null);
        @SuppressWarnings("unchecked")
        TableView<Object> history = (TableView<Object>) lookup(stage, "#historyTable");
        waitFor(() -> history.getItems() != null && history.getItems().size() >= 4
                && lookup(stage, "#historyMineToggle").isVisible());
        fx(() -> history.getSelectionModel().select(1));
        waitFor(() -> ((Label) lookup(stage, "#teamStatusLabel")).getText().equals("Team: online"));
        shoot(out, "team-history-" + theme);

        MenuButton more = (MenuButton) lookup(stage, "#profilesMenuButton");
        Platform.runLater(() -> more.getItems().stream().filter(i -> "profilesTeam".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        waitFor(() -> Window.getWindows().size() > 1);
        Stage dialog = (Stage) Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        waitFor(() -> !((TextField) dialog.getScene().lookup("#teamUrl")).getText().isEmpty());
        fx(() -> ((Button) dialog.getScene().lookup("#teamTest")).fire());
        waitFor(() -> ((Label) dialog.getScene().lookup("#teamResult")).getText().startsWith("Connected"));
        // Xvfb has no window manager: keep the whole dialog on the 800-pixel screen.
        fx(() -> {
            dialog.sizeToScene();
            dialog.setY(20);
        });
        Thread.sleep(500);
        CompletableFuture<String> bounds = new CompletableFuture<>();
        Platform.runLater(() -> bounds.complete(String.format("%dx%d+%d+%d", (int) dialog.getWidth(),
                (int) dialog.getHeight(), (int) dialog.getX(), (int) dialog.getY())));
        shoot(out, "team-settings-" + theme, bounds.get(30, TimeUnit.SECONDS));
        fx(() -> dialog.close());

        // The team database goes away; a link made now waits on this computer.
        cluster.stop();
        fx(() -> tabs.getSelectionModel().select(0));
        fx(() -> {
            ((TextField) lookup(stage, "#bucketField")).setText("team-share");
            ((TextField) lookup(stage, "#keyField")).setText("handbook.txt");
        });
        waitFor(() -> !((Button) lookup(stage, "#generateButton")).isDisabled());
        fx(() -> ((Button) lookup(stage, "#generateButton")).fire());
        waitFor(() -> ((Label) lookup(stage, "#teamStatusLabel")).getText().contains("offline — 1 link waiting"));
        shoot(out, "team-offline-" + theme);

        Platform.exit();
        tasks.close();
        alice.close();
        s3.close();
        cluster.restart();
        System.exit(0);
    }

    private static Services desktop(String name, PostgresCluster.Login login, S3ProxyServer s3, String theme) {
        Services services = Services.open(tempDirectory());
        services.vault().create(MASTER.toCharArray());
        services.profiles().create(new ProfileDraft("Studio storage", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, "us-east-1", s3.endpoint(), true));
        services.theme().setChoice(theme.equals("dark") ? ThemeSetting.Choice.DARK : ThemeSetting.Choice.LIGHT);
        TeamSettings settings = services.teamSettings(Map.of("HOME", "/nonexistent"));
        settings.save(login.url(), login.user(), login.password().toCharArray(), name);
        services.useTeam(settings, settings.resolve(null).orElseThrow(), false);
        return services;
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("linkdesk-team-shots");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void make(Services s, String key, Duration lifetime, String note, List<String> tags) {
        Profile p = s.profiles().list().get(0);
        s.links().generate(SigningIdentity.of(p, s.profiles().credentials(p)), "team-share", key,
                LinkOptions.get(lifetime), note, new ShareExtras(null, tags, null, null));
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
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

    private static void shoot(Path out, String name) throws Exception {
        shoot(out, name, "1040x760+120+13");
    }

    private static void shoot(Path out, String name, String crop) throws Exception {
        Thread.sleep(900);
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", crop, "+repage",
                out.resolve(name + ".png").toString()).inheritIO().start();
        p.waitFor(60, TimeUnit.SECONDS);
    }
}
