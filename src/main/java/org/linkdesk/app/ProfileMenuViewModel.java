package org.linkdesk.app;

import java.util.List;
import java.util.function.Consumer;
import org.linkdesk.profiles.AutoLockSetting;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.profiles.SecretStorage;
import org.linkdesk.store.ThemeSetting;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.UserMessages;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The logic of the "More" profile menu: duplicate, delete, auto-lock and theme. Questions through {@link Dialogs},
 * every H2 or keychain call as a task (the free name for a copy too), outcomes as one line for the status bar.
 */
final class ProfileMenuViewModel {
    static final List<Integer> AUTO_LOCK_CHOICES = List.of(0, 1, 5, 10, 15, 30, 60, 240);

    private final ProfileService profiles;
    private final AutoLockSetting autoLock;
    private final ThemeSetting theme;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final MainViewModel model;
    private final Consumer<String> status;

    ProfileMenuViewModel(ProfileService profiles, AutoLockSetting autoLock, ThemeSetting theme, TaskRunner tasks,
                         Dialogs dialogs, MainViewModel model, Consumer<String> status) {
        this.profiles = profiles;
        this.autoLock = autoLock;
        this.theme = theme;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.model = model;
        this.status = status;
    }

    private void failed(Throwable e) {
        status.accept(UserMessages.describe(e));
    }

    /** Asks for a name (a free one suggested), then copies the selected profile with its credentials. */
    void duplicate() {
        Profile p = model.selectedProfileProperty().get();
        if (p == null) {
            return;
        }
        tasks.run(() -> profiles.freeName(p.name() + " copy")).onSuccess(suggested -> dialogs.textInput(
                "Duplicate profile", "Copy \u201c" + p.name() + "\u201d with its credentials", suggested)
                .ifPresent(name -> tasks.run(() -> profiles.duplicate(p.id(), name)).onSuccess(copy -> {
                    status.accept("Duplicated " + p.name() + " as " + copy.name() + ".");
                    model.loadProfiles(copy.name());
                }).onError(this::failed).start())).onError(this::failed).start();
    }

    /** Asks, then deletes the selected profile (its links stay in the history). */
    void delete() {
        Profile p = model.selectedProfileProperty().get();
        if (p == null) {
            return;
        }
        String details = "Links already made with it keep working until they expire, and stay in the history under "
                + "the name \u201c" + p.name() + "\u201d." + (p.storage() == SecretStorage.KEYCHAIN
                ? " Its secret is removed from the system keychain." : "");
        if (dialogs.confirm("Delete profile", "Delete profile \u201c" + p.name() + "\u201d?", details, "Delete")) {
            tasks.runAction(context -> profiles.delete(p.id())).onSuccess(done -> {
                status.accept("Deleted profile " + p.name() + "; its links stay in the history.");
                model.loadProfiles(null);
            }).onError(this::failed).start();
        }
    }

    /** Asks how long to wait before locking; {@code changed} runs once the new setting is stored. */
    void autoLock(Runnable changed) {
        tasks.run(autoLock::minutes).onSuccess(current -> dialogs.choose("Auto-lock",
                "Lock Linkdesk after it has been left alone for", AUTO_LOCK_CHOICES, current,
                ProfileMenuViewModel::label)
                .ifPresent(minutes -> tasks.run(() -> {
                    autoLock.setMinutes(minutes);
                    return minutes;
                }).onSuccess(m -> {
                    status.accept(m == 0 ? "Auto-lock is off." : "Linkdesk locks after " + label(m) + " idle.");
                    changed.run();
                }).onError(this::failed).start())).onError(this::failed).start();
    }

    /** Asks Light / Dark / Follow the system; {@code apply} stores and applies the choice. */
    void theme(Consumer<ThemeSetting.Choice> apply) {
        tasks.run(theme::choice).onSuccess(current -> dialogs.choose("Theme", "Show Linkdesk in",
                List.of(ThemeSetting.Choice.values()), current, ThemeSetting.Choice::label).ifPresent(apply))
                .onError(this::failed).start();
    }

    static String label(int minutes) {
        if (minutes == 0) {
            return "Never";
        }
        return minutes < 60 ? minutes + (minutes == 1 ? " minute" : " minutes")
                : minutes / 60 + (minutes == 60 ? " hour" : " hours");
    }
}
