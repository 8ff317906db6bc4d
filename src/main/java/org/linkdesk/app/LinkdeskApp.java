package org.linkdesk.app;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.linkdesk.store.DataDirectory;
import org.linkdesk.ui.common.FxTaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/** The JavaFX application: opens the services off the FX thread (in {@link #init()}), then shows the window. */
public final class LinkdeskApp extends Application {
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private Services services;
    private Throwable startupError;
    private FxTaskRunner tasks;

    @Override
    public void init() {
        try {
            services = ServicesPreload.take(dataDirectory(getParameters().getRaw()));
        } catch (RuntimeException e) {
            startupError = e;
        }
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
        for (int size : ICON_SIZES) {
            var icon = LinkdeskApp.class.getResource("icons/linkdesk-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        if (startupError != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, UserMessages.describe(startupError));
            alert.setHeaderText("Linkdesk cannot open its data");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        tasks = new FxTaskRunner(4);
        MainWindow window = new MainWindow(services, tasks, TextClipboard.system(), ZoneId.systemDefault());
        window.setOpener(getHostServices()::showDocument);
        window.show(stage);
        StartupProbe.watch(stage.getScene());
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
