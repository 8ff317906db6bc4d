package org.linkdesk.app;

import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.linkdesk.handover.LinkFormat;
import org.linkdesk.profiles.Profile;

/**
 * The "More" menu of the main window's profile bar: its items, and the two that open windows (import from AWS CLI,
 * change password). The rest is {@link ProfileMenuViewModel}, tested without a stage.
 */
final class ProfileActions {
    private final GuiRoot gui;
    private final ProfileMenuViewModel menu;
    private final MainViewModel model;
    private final java.util.function.Consumer<String> status;
    private final Runnable autoLockChanged;

    ProfileActions(GuiRoot gui, MainViewModel model, java.util.function.Consumer<String> status,
                   Runnable autoLockChanged) {
        this.gui = gui;
        this.menu = new ProfileMenuViewModel(gui.services().profiles(), gui.services().autoLock(),
                gui.services().theme(), gui.tasks(), gui.dialogs(), model, status);
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
                item("Default copy format…", "profilesCopyFormat", () -> gui.dialogs().choose("Default copy format",
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
        menu.duplicate();
    }

    private void delete() {
        menu.delete();
    }

    private void changePassword() {
        if (gui.showChangePassword()) {
            status.accept("Master password changed.");
        }
    }

    private void autoLock() {
        menu.autoLock(autoLockChanged);
    }

    private void theme() {
        menu.theme(gui::setTheme);
    }
}
