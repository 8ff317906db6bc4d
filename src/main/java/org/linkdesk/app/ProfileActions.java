package org.linkdesk.app;

import org.linkdesk.wiring.Services;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.linkdesk.profiles.AwsImportDialog;
import org.linkdesk.profiles.AwsImportViewModel;
import org.linkdesk.profiles.ChangePasswordDialog;
import org.linkdesk.profiles.Profile;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/** The "Profiles" menu of the main window: import from AWS CLI, duplicate, delete, password and auto-lock. */
final class ProfileActions {
    private static final List<Integer> AUTO_LOCK_CHOICES = List.of(0, 1, 5, 10, 15, 30, 60, 240);

    private final Services services;
    private final TaskRunner tasks;
    private final MainViewModel model;
    private final java.util.function.Supplier<Window> owner;
    private final java.util.function.Consumer<String> status;
    private final Runnable autoLockChanged;

    ProfileActions(Services services, TaskRunner tasks, MainViewModel model,
                   java.util.function.Supplier<Window> owner, java.util.function.Consumer<String> status,
                   Runnable autoLockChanged) {
        this.services = services;
        this.tasks = tasks;
        this.model = model;
        this.owner = owner;
        this.status = status;
        this.autoLockChanged = autoLockChanged;
    }

    List<MenuItem> items() {
        MenuItem importAws = item("Import from AWS CLI…", "profilesImportAws", this::importFromAws);
        MenuItem duplicate = item("Duplicate profile", "profilesDuplicate", this::duplicate);
        MenuItem delete = item("Delete profile…", "profilesDelete", this::delete);
        duplicate.disableProperty().bind(model.selectedProfileProperty().isNull());
        delete.disableProperty().bind(model.selectedProfileProperty().isNull());
        return List.of(importAws, duplicate, delete, new SeparatorMenuItem(),
                item("Change master password…", "profilesChangePassword", this::changePassword),
                item("Auto-lock…", "profilesAutoLock", this::autoLock));
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    void importFromAws() {
        AwsImportViewModel vm = new AwsImportViewModel(services.profiles(), tasks);
        new AwsImportDialog(vm, owner.get()).showAndWait().ifPresent(outcome -> {
            status.accept("Import from AWS CLI: " + outcome.summary());
            model.loadProfiles(outcome.created().isEmpty() ? null : outcome.created().get(0));
        });
    }

    private void duplicate() {
        Profile p = model.selectedProfileProperty().get();
        if (p == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(services.profiles().freeName(p.name() + " copy"));
        ask.initOwner(owner.get());
        ask.setTitle("Duplicate profile");
        ask.setHeaderText("Copy \u201c" + p.name() + "\u201d with its credentials");
        ask.setContentText("Name of the copy");
        ask.getEditor().setId("duplicateNameField");
        ask.showAndWait().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(name -> tasks.run(() -> services.profiles().duplicate(p.id(), name))
                .onSuccess(copy -> {
                    status.accept("Duplicated " + p.name() + " as " + copy.name() + ".");
                    model.loadProfiles(copy.name());
                }).onError(e -> status.accept(UserMessages.describe(e))).start());
    }

    private void delete() {
        Profile p = model.selectedProfileProperty().get();
        if (p == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Links already made with it keep working until "
                + "they expire, and stay in the history under the name \u201c" + p.name() + "\u201d."
                + (p.storage() == org.linkdesk.profiles.SecretStorage.KEYCHAIN
                ? " Its secret is removed from the system keychain." : ""), ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(owner.get());
        confirm.setTitle("Delete profile");
        confirm.setHeaderText("Delete profile \u201c" + p.name() + "\u201d?");
        Optional<ButtonType> answer = confirm.showAndWait();
        if (answer.orElse(ButtonType.CANCEL) == ButtonType.OK) {
            tasks.run(() -> {
                services.profiles().delete(p.id());
                return p;
            }).onSuccess(gone -> {
                status.accept("Deleted profile " + gone.name() + "; its links stay in the history.");
                model.loadProfiles(null);
            }).onError(e -> status.accept(UserMessages.describe(e))).start();
        }
    }

    private void changePassword() {
        if (new ChangePasswordDialog(services.vault(), tasks, owner.get()).showAndWait()) {
            status.accept("Master password changed.");
        }
    }

    private void autoLock() {
        tasks.run(() -> services.autoLock().minutes()).onSuccess(current -> {
            ChoiceDialog<String> ask = new ChoiceDialog<>(label(current),
                    AUTO_LOCK_CHOICES.stream().map(ProfileActions::label).toList());
            ask.initOwner(owner.get());
            ask.setTitle("Auto-lock");
            ask.setHeaderText("Lock Linkdesk after it has been left alone for");
            ask.setContentText("Idle time");
            ask.showAndWait().ifPresent(choice -> {
                int minutes = AUTO_LOCK_CHOICES.stream().filter(m -> label(m).equals(choice)).findFirst().orElse(0);
                tasks.run(() -> {
                    services.autoLock().setMinutes(minutes);
                    return minutes;
                }).onSuccess(m -> {
                    status.accept(m == 0 ? "Auto-lock is off." : "Linkdesk locks after " + label(m) + " idle.");
                    autoLockChanged.run();
                }).onError(e -> status.accept(UserMessages.describe(e))).start();
            });
        }).onError(e -> status.accept(UserMessages.describe(e))).start();
    }

    static String label(int minutes) {
        if (minutes == 0) {
            return "Never";
        }
        return minutes < 60 ? minutes + (minutes == 1 ? " minute" : " minutes")
                : minutes / 60 + (minutes == 60 ? " hour" : " hours");
    }
}
