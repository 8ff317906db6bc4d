package org.linkdesk.profiles;

import java.util.Arrays;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.linkdesk.store.Vault;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/** Creating the master password on first use, or unlocking with it; key derivation runs in the background. */
public final class MasterPasswordViewModel {
    /** Kept in step with the vault's own rule; the vault checks again. */
    public static final int MIN_LENGTH = 8;

    private final Vault vault;
    private final TaskRunner tasks;
    private final boolean creating;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public MasterPasswordViewModel(Vault vault, TaskRunner tasks, boolean creating) {
        this.vault = vault;
        this.tasks = tasks;
        this.creating = creating;
        for (Observable o : new Observable[] {password, confirmation}) {
            o.addListener(x -> validate());
        }
        validate();
    }

    private void validate() {
        error.set(null);
        String p = password.get();
        if (p.isEmpty()) {
            problem.set(creating ? "Choose a master password of at least " + MIN_LENGTH + " characters." : "Enter your master password.");
        } else if (creating && p.length() < MIN_LENGTH) {
            problem.set("Use at least " + MIN_LENGTH + " characters.");
        } else if (creating && !p.equals(confirmation.get())) {
            problem.set("The two passwords are not the same.");
        } else {
            problem.set(null);
        }
    }

    /** Creates or unlocks the vault in the background; {@code onDone} runs on the UI thread on success. */
    public void submit(Runnable onDone) {
        validate();
        if (problem.get() != null || busy.get()) {
            return;
        }
        char[] secret = password.get().toCharArray();
        busy.set(true);
        tasks.run(() -> {
            try {
                if (creating) {
                    vault.create(secret);
                } else {
                    vault.unlock(secret);
                }
                return Boolean.TRUE;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }).onSuccess(ok -> {
            password.set("");
            confirmation.set("");
            onDone.run();
        }).onError(e -> error.set(UserMessages.describe(e))).andFinally(() -> busy.set(false)).start();
    }

    public boolean isCreating() {
        return creating;
    }

    public StringProperty passwordProperty() { return password; }
    public StringProperty confirmationProperty() { return confirmation; }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
