package org.linkdesk.app;

import java.util.function.IntSupplier;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/** Locks the window after the configured idle minutes without a key press, click, mouse move or scroll. */
final class IdleLock {
    private final PauseTransition timer = new PauseTransition();
    private final IntSupplier minutes;

    IdleLock(Scene scene, IntSupplier minutes, Runnable lock) {
        this.minutes = minutes;
        timer.setOnFinished(e -> lock.run());
        for (var type : new javafx.event.EventType<?>[] {KeyEvent.KEY_PRESSED, MouseEvent.MOUSE_PRESSED,
                MouseEvent.MOUSE_MOVED, ScrollEvent.SCROLL}) {
            @SuppressWarnings("unchecked")
            javafx.event.EventType<Event> t = (javafx.event.EventType<Event>) type;
            scene.addEventFilter(t, e -> restart());
        }
    }

    /** Starts (or restarts) the countdown with the current setting; 0 minutes: never. */
    void restart() {
        timer.stop();
        int m = minutes.getAsInt();
        if (m > 0) {
            timer.setDuration(Duration.minutes(m));
            timer.playFromStart();
        }
    }

    void stop() {
        timer.stop();
    }
}
