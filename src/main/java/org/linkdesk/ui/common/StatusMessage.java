package org.linkdesk.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The one-line message a view shows under its actions: information, or an error in plain words. */
public final class StatusMessage {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    public void info(String message) {
        error.set(false);
        text.set(message);
    }

    public void error(String message) {
        error.set(true);
        text.set(message);
    }

    /** Shows {@link UserMessages#describe(Throwable)} of {@code e} (which logs unexpected errors once). */
    public void error(Throwable e) {
        error(UserMessages.describe(e));
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty isErrorProperty() {
        return error.getReadOnlyProperty();
    }
}
