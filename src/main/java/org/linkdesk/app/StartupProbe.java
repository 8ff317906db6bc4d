package org.linkdesk.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.linkdesk.ui.common.FirstFrame;

/**
 * Start-up measurement for benchmarks and the installer's class-data-sharing training run. With the environment
 * variable {@code LINKDESK_STARTUP_PROBE} set, the pulse after the first laid-out frame of a watched window (for the
 * app: the main window once it shows the master password form, which needs the data open) prints
 * {@code linkdesk-window-ready} on stdout (the benchmark times the process from its start to that line; the JVM's
 * own clock of its start has a one-second granularity on Linux); the value {@code exit} then closes the windows and
 * quits the application normally, so that {@code -XX:ArchiveClassesAtExit} can write its archive. Unset, nothing is
 * installed.
 */
public final class StartupProbe {
    public static final String VARIABLE = "LINKDESK_STARTUP_PROBE";
    public static final String READY_LINE = "linkdesk-window-ready";

    private StartupProbe() {
    }

    /** Watches {@code scene}'s window when the probe is enabled; call once it shows what the user acts on. */
    public static void watch(Scene scene) {
        String mode = mode();
        if (mode == null) {
            return;
        }
        FirstFrame.then(scene, () -> {
            System.out.println(READY_LINE);
            System.out.flush();
            if (mode.strip().equalsIgnoreCase("exit")) {
                Platform.runLater(StartupProbe::closeAllAndExit);
            }
        });
    }

    private static String mode() {
        String mode = System.getenv(VARIABLE);
        return mode == null || mode.isBlank() ? null : mode;
    }

    private static void closeAllAndExit() {
        // Newest first, so that a dialog's nested event loop ends before its owner closes.
        List<Window> windows = new ArrayList<>(Window.getWindows());
        Collections.reverse(windows);
        for (Window window : windows) {
            window.hide();
        }
        Platform.exit();
    }
}
