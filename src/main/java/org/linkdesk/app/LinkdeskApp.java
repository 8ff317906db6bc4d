package org.linkdesk.app;

import org.linkdesk.wiring.Services;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.linkdesk.store.DataDirectory;
import org.linkdesk.ui.common.FirstFrame;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/**
 * The JavaFX application: shows the window at once and attaches the services to it when they are open (they start
 * opening on background threads in {@link GuiMain}, before the toolkit). Made by {@link GuiMain}, which starts the
 * toolkit itself; closing the main window ends it.
 */
public final class LinkdeskApp extends Application {
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private final ServicesOpening opening;
    private final SandboxOffer sandbox;
    private GuiRoot gui;
    private Services services;
    private boolean stopped;

    LinkdeskApp(ServicesOpening opening, SandboxOffer sandbox) {
        this.opening = opening;
        this.sandbox = sandbox;
    }

    static Path dataDirectory(List<String> args) {
        String override = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--data-dir=")) {
                override = a.substring("--data-dir=".length());
            } else if (a.equals("--data-dir") && i + 1 < args.size()) {
                override = args.get(++i);
            }
        }
        return DataDirectory.resolve(override);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Linkdesk " + Version.current());
        gui = new GuiRoot(opening.dataDirectory(), TextClipboard.system(), ZoneId.systemDefault());
        MainWindow window = new MainWindow(gui);
        window.setOpener(getHostServices()::showDocument);
        window.setSandbox(sandbox);
        // The toolkit ends by itself when its last window closes (implicit exit); the data closes with the window.
        stage.setOnHidden(e -> stop());
        window.show(stage);
        // Decoding eight PNGs takes ~100 ms: done in the background once the window is painted, not before.
        FirstFrame.then(stage.getScene(), () -> gui.tasks().run(LinkdeskApp::icons).onSuccess(stage.getIcons()::setAll)
                .onError(e -> { }).start());
        opening.opened().whenComplete((opened, error) -> Platform.runLater(() -> {
            if (error != null) {
                cannotOpen(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else if (stopped) {
                opened.close();
            } else {
                services = opened;
                window.setOnPromptShown(() -> StartupProbe.watch(stage.getScene()));
                window.attach(opened);
                showStorageNotices(gui, opened.database().notices());
            }
        }));
    }

    /** Issue 10: what the store had to tell the user on opening (folder made private, damaged file salvaged). */
    private static void showStorageNotices(GuiRoot gui, List<String> notices) {
        if (!notices.isEmpty()) {
            gui.dialogs().info("About your Linkdesk data", String.join("\n\n", notices));
        }
    }

    private static List<Image> icons() {
        List<Image> icons = new java.util.ArrayList<>();
        for (int size : ICON_SIZES) {
            var icon = LinkdeskApp.class.getResource("icons/linkdesk-" + size + ".png");
            if (icon != null) {
                icons.add(new Image(icon.toExternalForm()));
            }
        }
        return icons;
    }

    private void cannotOpen(Throwable error) {
        gui.dialogs().error("Linkdesk cannot open its data", UserMessages.describe(error));
        Platform.exit();
    }

    @Override
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (gui != null) {
            gui.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
