package org.linkdesk.app;

import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Start-up measurement for benchmarks and the installer's class-data-sharing training run. With the environment
 * variable {@code LINKDESK_STARTUP_PROBE} set, the pulse after the first laid-out frame of a watched window (for the
 * app: its password prompt, shown over the main window once the data is open) prints
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

    /**
     * Watches the next window that opens (the app's password prompt: the first thing a user can act on), when the
     * probe is enabled.
     */
    public static void watchNextWindow() {
        if (mode() == null) {
            return;
        }
        ListChangeListener<Window> opened = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends Window> change) {
                while (change.next()) {
                    for (Window window : change.getAddedSubList()) {
                        Window.getWindows().removeListener(this);
                        watch(window.getScene());
                        return;
                    }
                }
            }
        };
        Window.getWindows().addListener(opened);
    }

    private static String mode() {
        String mode = System.getenv(VARIABLE);
        return mode == null || mode.isBlank() ? null : mode;
    }

    /** Watches {@code scene}'s window when the probe is enabled; call right after {@code stage.show()}. */
    public static void watch(Scene scene) {
        String mode = mode();
        if (mode == null) {
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
        // Newest first, so that a dialog's nested event loop ends before its owner closes.
        List<Window> windows = new java.util.ArrayList<>(Window.getWindows());
        java.util.Collections.reverse(windows);
        for (Window window : windows) {
            window.hide();
        }
        Platform.exit();
    }
}
