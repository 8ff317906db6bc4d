package org.linkdesk.ui.tasks;

import java.util.function.Consumer;
import org.linkdesk.ui.common.UserMessages;

/** The one place an error no task handled ends up: described (and logged once) by {@link UserMessages}, then shown. */
public final class UnhandledErrors {
    private UnhandledErrors() {
    }

    /** Logs it (unexpected errors with their stack trace, expected ones briefly). */
    public static void log(Throwable error) {
        UserMessages.describe(error);
    }

    /** A sink that hands the short human message to {@code show} (a status line or an error dialog). */
    public static Consumer<Throwable> showing(Consumer<String> show) {
        return error -> show.accept(UserMessages.describe(error));
    }
}
