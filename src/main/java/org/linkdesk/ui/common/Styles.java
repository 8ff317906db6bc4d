package org.linkdesk.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Semantic state on nodes as CSS pseudo-classes ({@code :error}, {@code :ok}), so colours stay in the stylesheets
 * (which follow the light or dark theme) instead of inline {@code -fx-text-fill} in Java.
 */
public final class Styles {
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    public static final PseudoClass OK = PseudoClass.getPseudoClass("ok");

    private Styles() {
    }

    /** Keeps {@code pseudoClass} on {@code node} while {@code on} is true. */
    public static void bind(Node node, PseudoClass pseudoClass, ObservableValue<Boolean> on) {
        node.pseudoClassStateChanged(pseudoClass, Boolean.TRUE.equals(on.getValue()));
        on.addListener((obs, old, now) -> node.pseudoClassStateChanged(pseudoClass, Boolean.TRUE.equals(now)));
    }

    /** {@code :ok} when {@code outcome} is true, {@code :error} when false, neither when null. */
    public static void bindOutcome(Node node, ObservableValue<Boolean> outcome) {
        Runnable apply = () -> {
            Boolean ok = outcome.getValue();
            node.pseudoClassStateChanged(OK, Boolean.TRUE.equals(ok));
            node.pseudoClassStateChanged(ERROR, Boolean.FALSE.equals(ok));
        };
        apply.run();
        outcome.addListener((obs, old, now) -> apply.run());
    }
}
