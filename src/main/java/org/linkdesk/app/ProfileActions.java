package org.linkdesk.app;

import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.profiles.SecretStorage;
import org.linkdesk.handover.LinkFormat;
import org.linkdesk.store.ThemeSetting;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.UserMessages;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The "Profiles" menu of the main window: import from AWS CLI, duplicate, delete, password, auto-lock and theme.
 * Questions go through {@link Dialogs}; every H2 or keychain call runs as a task.
 */
final class ProfileActions {
    private static final List<Integer> AUTO_LOCK_CHOICES = List.of(0, 1, 5, 10, 15, 30, 60, 240);

    private final GuiRoot gui;
    private final ProfileService profiles;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final MainViewModel model;
    private final java.util.function.Consumer<String> status;
    private final Runnable autoLockChanged;

    ProfileActions(GuiRoot gui, MainViewModel model, java.util.function.Consumer<String> status,
                   Runnable autoLockChanged) {
        this.gui = gui;
        this.profiles = gui.services().profiles();
        this.tasks = gui.tasks();
        this.dialogs = gui.dialogs();
        this.model = model;
        this.status = status;
        this.autoLockChanged = autoLockChanged;
    }

    List<MenuItem> items() {
        MenuItem importAws = item("Import from AWS CLI…", "profilesImportAws", this::importFromAws);
        MenuItem duplicate = item("Duplicate profile", "profilesDuplicate", this::duplicate);
        MenuItem delete = item("Delete profile…", "profilesDelete", this::delete);
        duplicate.disableProperty().bind(model.selectedProfileProperty().isNull());
        delete.disableProperty().bind(model.selectedProfileProperty().isNull());
        MenuItem delivery = item("Link delivery (CloudFront, public host)…", "profilesDelivery", () -> {
            Profile p = model.selectedProfileProperty().get();
            if (p != null && gui.showDelivery(p)) {
                status.accept("Link delivery saved for " + p.name() + ".");
            }
        });
        delivery.disableProperty().bind(model.selectedProfileProperty().isNull());
        return List.of(importAws, duplicate, delete, delivery, new SeparatorMenuItem(),
                item("Change master password…", "profilesChangePassword", this::changePassword),
                item("Auto-lock…", "profilesAutoLock", this::autoLock),
                item("Theme…", "profilesTheme", this::theme),
                item("Default copy format…", "profilesCopyFormat", () -> dialogs.choose("Default copy format",
                        "Copy and Ctrl+C put a link on the clipboard as", List.of(LinkFormat.values()),
                        gui.copyFormat(), LinkFormat::label).ifPresent(gui::setCopyFormat)));
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    void importFromAws() {
        gui.showAwsImport().ifPresent(outcome -> {
            status.accept("Import from AWS CLI: " + outcome.summary());
            model.loadProfiles(outcome.created().isEmpty() ? null : outcome.created().get(0));
        });
    }

    private void duplicate() {
        Profile p = model.selectedProfileProperty().get();
        if (p == null) {
            return;
        }
        // The free name needs the profile list (H2): looked up in the background, then asked.
        tasks.run(() -> profiles.freeName(p.name() + " copy")).onSuccess(suggested -> dialogs.textInput(
                "Duplicate profile", "Copy \u201c" + p.name() + "\u201d with its credentials", suggested)
                .ifPresent(name -> tasks.run(() -> profiles.duplicate(p.id(), name)).onSuccess(copy -> {
                    status.accept("Duplicated " + p.name() + " as " + copy.name() + ".");
                    model.loadProfiles(copy.name());
                }).onError(e -> status.accept(UserMessages.describe(e))).start()))
                .onError(e -> status.accept(UserMessages.describe(e))).start();
    }

    private void delete() {
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
            }).onError(e -> status.accept(UserMessages.describe(e))).start();
        }
    }

    private void changePassword() {
        if (gui.showChangePassword()) {
            status.accept("Master password changed.");
        }
    }

    private void autoLock() {
        tasks.run(() -> gui.services().autoLock().minutes()).onSuccess(current -> dialogs.choose("Auto-lock",
                "Lock Linkdesk after it has been left alone for", AUTO_LOCK_CHOICES, current, ProfileActions::label)
                .ifPresent(minutes -> tasks.run(() -> {
                    gui.services().autoLock().setMinutes(minutes);
                    return minutes;
                }).onSuccess(m -> {
                    status.accept(m == 0 ? "Auto-lock is off." : "Linkdesk locks after " + label(m) + " idle.");
                    autoLockChanged.run();
                }).onError(e -> status.accept(UserMessages.describe(e))).start()))
                .onError(e -> status.accept(UserMessages.describe(e))).start();
    }

    private void theme() {
        tasks.run(() -> gui.services().theme().choice()).onSuccess(current -> dialogs.choose("Theme",
                "Show Linkdesk in", List.of(ThemeSetting.Choice.values()), current, ThemeSetting.Choice::label)
                .ifPresent(gui::setTheme)).onError(e -> status.accept(UserMessages.describe(e))).start();
    }

    static String label(int minutes) {
        if (minutes == 0) {
            return "Never";
        }
        return minutes < 60 ? minutes + (minutes == 1 ? " minute" : " minutes")
                : minutes / 60 + (minutes == 60 ? " hour" : " hours");
    }
}
