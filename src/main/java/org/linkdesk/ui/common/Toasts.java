package org.linkdesk.ui.common;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Short in-window notices for finished background jobs ("250 links made", "Export written"): a themed label in the
 * owner window's bottom-right corner that fades after a few seconds. A {@link Popup} positioned from the owner's
 * bounds needs no window manager. A newer notice replaces the one shown; a click dismisses it.
 */
final class Toasts {
    private static final Duration SHOWN = Duration.seconds(4);
    private final SceneFactory scenes;
    private Popup current;

    Toasts(SceneFactory scenes) {
        this.scenes = scenes;
    }

    void show(Window owner, String message) {
        if (current != null) {
            current.hide();
            current = null;
        }
        if (owner == null || !owner.isShowing()) {
            return;
        }
        Label text = new Label(message);
        text.setId("toastLabel");
        text.setWrapText(true);
        text.setMaxWidth(360);
        StackPane box = new StackPane(text);
        box.getStyleClass().add("toast");
        box.setPadding(new Insets(10, 16, 10, 16));
        scenes.style(box);
        Popup popup = new Popup();
        popup.getContent().add(box);
        popup.setAutoHide(false);
        box.setOnMouseClicked(e -> popup.hide());
        current = popup;
        popup.show(owner);
        popup.setX(owner.getX() + owner.getWidth() - box.getWidth() - 24);
        popup.setY(owner.getY() + owner.getHeight() - box.getHeight() - 48);
        FadeTransition fade = new FadeTransition(Duration.millis(400), box);
        fade.setToValue(0);
        SequentialTransition life = new SequentialTransition(new PauseTransition(SHOWN), fade);
        life.setOnFinished(e -> {
            popup.hide();
            if (current == popup) {
                current = null;
            }
        });
        life.play();
    }
}
