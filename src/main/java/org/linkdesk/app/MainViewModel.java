package org.linkdesk.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.store.Vault;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/** The window-level state: the profiles, the chosen one, and whether the vault is unlocked. */
public final class MainViewModel {
    private final ProfileService profileService;
    private final Vault vault;
    private final TaskRunner tasks;
    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> selectedProfile = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public MainViewModel(ProfileService profileService, Vault vault, TaskRunner tasks) {
        this.profileService = profileService;
        this.vault = vault;
        this.tasks = tasks;
    }

    /** Reloads the profiles, then selects {@code preferredName} (or keeps the selection, or takes the first). */
    public void loadProfiles(String preferredName) {
        String keep = preferredName != null ? preferredName
                : selectedProfile.get() != null ? selectedProfile.get().name() : null;
        tasks.run(profileService::list).onSuccess(list -> {
            profiles.setAll(list);
            Profile choice = list.stream().filter(p -> p.name().equals(keep)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0));
            selectedProfile.set(choice);
        }).onError(e -> message.set(UserMessages.describe(e))).start();
    }

    /** After the master password dialog succeeded. */
    public void onUnlocked() {
        unlocked.set(vault.isUnlocked());
        loadProfiles(null);
    }

    /** Forgets the keys in memory; the window then asks for the password again. */
    public void lock() {
        vault.lock();
        unlocked.set(false);
    }

    public boolean vaultExists() {
        return vault.isCreated();
    }

    public ObservableList<Profile> profiles() { return profiles; }
    public ObjectProperty<Profile> selectedProfileProperty() { return selectedProfile; }
    public ReadOnlyBooleanProperty unlockedProperty() { return unlocked.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
