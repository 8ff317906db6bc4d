package org.linkdesk.app;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Start-up measurement for benchmarks and the installer's class-data-sharing training run. With the environment
 * variable {@code LINKDESK_STARTUP_PROBE} set, the pulse after the first laid-out frame of a shown window prints
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

    /** Watches {@code scene}'s window when the probe is enabled; call right after {@code stage.show()}. */
    public static void watch(Scene scene) {
        String mode = System.getenv(VARIABLE);
        if (mode == null || mode.isBlank()) {
            return;
        }
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            Window window = scene.getWindow();
            if (window == null || !window.isShowing() || scene.getRoot().isNeedsLayout()) {
                return;
            }
            // The first laid-out pulse is rendered after this listener; the next pulse waits for that frame.
            if (++pulses[0] == 1) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            System.out.println(READY_LINE);
            System.out.flush();
            if (mode.strip().equalsIgnoreCase("exit")) {
                Platform.runLater(StartupProbe::closeAllAndExit);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private static void closeAllAndExit() {
        for (Window window : List.copyOf(Window.getWindows())) {
            window.hide();
        }
        Platform.exit();
    }
}
