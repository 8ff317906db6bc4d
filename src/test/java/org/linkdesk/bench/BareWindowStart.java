package org.linkdesk.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.linkdesk.app.StartupProbe;

/**
 * The yardstick for start-up figures: the smallest JavaFX window (one label, the main window's size), measured by the
 * same {@link StartupProbe} as the app. Run by {@code installer/bench-startup.sh}; not a test.
 */
public final class BareWindowStart {
    private BareWindowStart() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The application class; a separate class so that JavaFX may sit on the class path. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            stage.setTitle("Bare window");
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 1040, 760));
            stage.show();
            StartupProbe.watch(stage.getScene());
    }
    }
}
