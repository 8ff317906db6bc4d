package org.linkdesk.team.ui;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.linkdesk.team.TeamSetup;
import org.linkdesk.ui.common.UserMessages;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The "Team database" settings: URL, user, password, display name; Test connection, Use, Turn off. Every database
 * step runs on the task runner; the typed password is handed over as characters and cleared once used.
 */
public final class TeamSettingsViewModel {
    private final TeamSetup setup;
    private final TaskRunner tasks;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper passwordHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultOk = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper teamOn = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty forgetPassword = new SimpleBooleanProperty(false);
    private Consumer<Boolean> onSwitched = on -> { };

    public TeamSettingsViewModel(TeamSetup setup, TaskRunner tasks) {
        this.setup = setup;
        this.tasks = tasks;
    }

    /** Called on the UI thread after Use (true) or Turn off (false) switched the app. */
    public void setOnSwitched(Consumer<Boolean> action) {
        this.onSwitched = action == null ? on -> { } : action;
    }

    public void load() {
        run(setup::current, this::show, null);
    }

    public void test() {
        char[] typed = password.get().toCharArray();
        result.set("Connecting…");
        resultOk.set(true);
        busy.set(true);
        tasks.run(() -> {
            try {
                return setup.test(url.get(), user.get(), typed);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }).onSuccess(text -> {
            result.set(text);
            resultOk.set(true);
        }).onError(this::failed).andFinally(() -> busy.set(false)).start();
    }

    /** Saves and switches to the team database; the typed password (if any) replaces the kept one. */
    public void use() {
        char[] typed = forgetPassword.get() ? new char[0] : password.get().isEmpty() ? null
                : password.get().toCharArray();
        String u = url.get();
        String who = user.get();
        String name = displayName.get();
        run(() -> {
            try {
                return setup.use(u, who, typed, name);
            } finally {
                if (typed != null) {
                    Arrays.fill(typed, '\0');
                }
            }
        }, current -> {
            password.set("");
            show(current);
            result.set(current.inUse() == null ? "Saved." : "Saved. The History now shows the team's links ("
                    + current.inUse() + ").");
            resultOk.set(true);
            onSwitched.accept(current.inUse() != null);
        }, null);
    }

    public void turnOff() {
        run(setup::turnOff, current -> {
            show(current);
            result.set(current.fromEnvironment() ? "Turned off until Linkdesk starts again: LINKDESK_DATABASE "
                    + "is set in its environment." : "Team mode is off: the History shows this computer's links.");
            resultOk.set(true);
            onSwitched.accept(false);
        }, null);
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> then, Runnable after) {
        busy.set(true);
        tasks.run(work).onSuccess(then).onError(this::failed).andFinally(() -> {
            busy.set(false);
            if (after != null) {
                after.run();
            }
        }).start();
    }

    private void failed(Throwable e) {
        result.set(UserMessages.describe(e));
        resultOk.set(false);
    }

    private void show(TeamSetup.Current c) {
        url.set(c.stored().url() == null ? "" : c.stored().url());
        user.set(c.stored().user() == null ? "" : c.stored().user());
        displayName.set(c.stored().displayName() == null ? "" : c.stored().displayName());
        forgetPassword.set(false);
        passwordHint.set(c.stored().passwordKept() ? "A password is kept, encrypted by your vault. Leave the field "
                + "empty to keep it." : "Leave empty to use PGPASSWORD or ~/.pgpass.");
        teamOn.set(c.inUse() != null);
        state.set(c.inUse() == null ? "Off: the History shows the links made on this computer. Your name in the "
                + "team would be \u201c" + c.displayName() + "\u201d."
                : "On: " + c.inUse() + ", your links recorded as \u201c" + c.displayName() + "\u201d.");
    }

    public StringProperty urlProperty() { return url; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty displayNameProperty() { return displayName; }
    public BooleanProperty forgetPasswordProperty() { return forgetPassword; }
    public ReadOnlyStringProperty passwordHintProperty() { return passwordHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty resultOkProperty() { return resultOk.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty teamOnProperty() { return teamOn.getReadOnlyProperty(); }
}
