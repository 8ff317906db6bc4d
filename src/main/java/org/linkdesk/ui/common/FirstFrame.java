package org.linkdesk.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Runs something once a scene's window has been shown, laid out and painted: for work that may wait until the user
 * sees the window (building hidden views, warming caches), and for start-up measurement.
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** Runs {@code action} on the FX thread in the pulse after the first laid-out frame of {@code scene}'s window. */
    public static void then(Scene scene, Runnable action) {
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            Window window = scene.getWindow();
            if (window == null || !window.isShowing() || scene.getRoot().isNeedsLayout()) {
                return;
            }
            // The first laid-out pulse is rendered after this listener; the next pulse comes after that frame.
            if (++pulses[0] == 1) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
