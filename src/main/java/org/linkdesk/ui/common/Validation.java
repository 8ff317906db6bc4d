package org.linkdesk.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** ControlsFX decorations driven by a view model's "problem" text (null when the input is fine). */
public final class Validation {
    private Validation() {
    }

    /**
     * Decorates {@code control} with {@code problem}; decorations appear once the user has edited something, so an
     * empty form doesn't greet them with errors.
     */
    public static void bind(ValidationSupport support, Control control, ObservableStringValue problem) {
        BooleanProperty touched = new SimpleBooleanProperty(false);
        Validator<Object> validator = (c, value) -> ValidationResult.fromErrorIf(c, problem.get(),
                touched.get() && problem.get() != null);
        support.registerValidator(control, false, validator);
        problem.addListener((o, was, is) -> {
            touched.set(true);
            support.revalidate(control);
        });
        control.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                touched.set(true);
                support.revalidate(control);
            }
        });
    }
}
