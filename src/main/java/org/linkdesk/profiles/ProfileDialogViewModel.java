package org.linkdesk.profiles;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.linkdesk.ui.common.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/** The New/Edit profile dialog's state; saving runs in the background. */
public final class ProfileDialogViewModel {
    private final ProfileService profiles;
    private final TaskRunner tasks;
    private final Profile editing;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty accessKeyId = new SimpleStringProperty("");
    private final StringProperty secretAccessKey = new SimpleStringProperty("");
    private final StringProperty sessionToken = new SimpleStringProperty("");
    private final BooleanProperty clearSessionToken = new SimpleBooleanProperty(false);
    private final StringProperty region = new SimpleStringProperty("us-east-1");
    private final StringProperty endpointUrl = new SimpleStringProperty("");
    private final BooleanProperty pathStyle = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** @param editing the profile to edit, or null for a new one */
    public ProfileDialogViewModel(ProfileService profiles, TaskRunner tasks, Profile editing) {
        this.profiles = profiles;
        this.tasks = tasks;
        this.editing = editing;
        if (editing != null) {
            name.set(editing.name());
            accessKeyId.set(editing.accessKeyId());
            region.set(editing.region());
            endpointUrl.set(editing.endpointUrl() == null ? "" : editing.endpointUrl());
            pathStyle.set(editing.pathStyle());
        }
        for (Observable o : new Observable[] {name, accessKeyId, secretAccessKey, sessionToken, region, endpointUrl}) {
            o.addListener(x -> validate());
        }
        validate();
    }

    private void validate() {
        List<String> problems = draft().problems(isNew());
        problem.set(problems.isEmpty() ? null : problems.get(0));
        error.set(null);
    }

    ProfileDraft draft() {
        boolean keepToken = !isNew() && sessionToken.get().isBlank() && !clearSessionToken.get();
        return new ProfileDraft(name.get().strip(), accessKeyId.get().strip(), secretAccessKey.get(),
                sessionToken.get().strip(), keepToken, region.get().strip(), endpointUrl.get().strip(), pathStyle.get());
    }

    /** Saves in the background; {@code onSaved} runs on the UI thread with the stored profile. */
    public void save(Consumer<Profile> onSaved) {
        validate();
        if (problem.get() != null || busy.get()) {
            return;
        }
        ProfileDraft draft = draft();
        busy.set(true);
        tasks.run(() -> isNew() ? profiles.create(draft) : profiles.update(editing.id(), draft),
                onSaved,
                e -> error.set(UserMessages.describe(e)),
                () -> busy.set(false));
    }

    public boolean isNew() {
        return editing == null;
    }

    /** Whether the edited profile has a stored session token the user may clear. */
    public boolean hasStoredSessionToken() {
        return editing != null && editing.hasSessionToken();
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty accessKeyIdProperty() { return accessKeyId; }
    public StringProperty secretAccessKeyProperty() { return secretAccessKey; }
    public StringProperty sessionTokenProperty() { return sessionToken; }
    public BooleanProperty clearSessionTokenProperty() { return clearSessionToken; }
    public StringProperty regionProperty() { return region; }
    public StringProperty endpointUrlProperty() { return endpointUrl; }
    public BooleanProperty pathStyleProperty() { return pathStyle; }
    /** The first problem to fix before saving, or null. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Why the last save failed, or null. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
