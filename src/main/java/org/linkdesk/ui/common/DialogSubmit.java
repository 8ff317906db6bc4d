package org.linkdesk.ui.common;

import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Dialog;

/** A dialog's OK button that runs a background submit and closes the dialog only once it succeeded. */
public final class DialogSubmit {
    private DialogSubmit() {
    }

    /**
     * Pressing {@code ok} no longer closes {@code dialog} by itself: it calls {@code submit}, whose callback (run on
     * success) sets the dialog's result and closes it. On failure the dialog stays open to show what went wrong.
     */
    public static <R> void closeOnSuccess(Dialog<R> dialog, Node ok, Consumer<Consumer<R>> submit) {
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit.accept(result -> {
                dialog.setResult(result);
                dialog.close();
            });
        });
    }
}
