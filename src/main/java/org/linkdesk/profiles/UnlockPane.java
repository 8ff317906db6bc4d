package org.linkdesk.profiles;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.linkdesk.ui.common.Fxml;

/**
 * The master password form shown inside the locked main window: create the password on first use, unlock after.
 * Enter submits; the key derivation runs in the background while the button says so.
 */
public final class UnlockPane {
    private final MasterPasswordViewModel model;
    private final Runnable onUnlocked;
    private final VBox root;

    @FXML private Label title;
    @FXML private Label hint;
    @FXML private PasswordField masterPasswordField;
    @FXML private PasswordField masterPasswordConfirmField;
    @FXML private Label problem;
    @FXML private Button masterPasswordSubmit;

    /** @param onUnlocked runs on the FX thread once the vault was created or unlocked */
    public UnlockPane(MasterPasswordViewModel model, Runnable onUnlocked) {
        this.model = model;
        this.onUnlocked = onUnlocked;
        this.root = Fxml.load(this, "UnlockPane.fxml");
    }

    @FXML
    private void initialize() {
        boolean creating = model.isCreating();
        title.setText(creating ? "Create a master password" : "Linkdesk is locked");
        hint.setText(creating
                ? "Your profile secrets and saved links are encrypted with this password. It cannot be recovered "
                        + "if you forget it."
                : "Enter your master password to use your profiles and saved links.");
        masterPasswordField.textProperty().bindBidirectional(model.passwordProperty());
        masterPasswordConfirmField.textProperty().bindBidirectional(model.confirmationProperty());
        masterPasswordConfirmField.setVisible(creating);
        masterPasswordConfirmField.setManaged(creating);
        String action = creating ? "Create" : "Unlock";
        masterPasswordSubmit.textProperty().bind(Bindings.when(model.busyProperty())
                .then(creating ? "Creating…" : "Unlocking…").otherwise(action));
        masterPasswordSubmit.disableProperty().bind(model.busyProperty());
        masterPasswordSubmit.setOnAction(e -> model.submit(onUnlocked));
        // A problem is shown once the user has typed something (or the vault said no), not on an empty form.
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> model.errorProperty().get() != null ? model.errorProperty().get()
                        : masterPasswordField.getText().isEmpty() || model.problemProperty().get() == null ? ""
                        : model.problemProperty().get(),
                model.errorProperty(), model.problemProperty(), masterPasswordField.textProperty()));
        for (PasswordField field : new PasswordField[] {masterPasswordField, masterPasswordConfirmField}) {
            field.disableProperty().bind(model.busyProperty());
        }
    }

    /** Puts the cursor in the password field. */
    public void focus() {
        Platform.runLater(masterPasswordField::requestFocus);
    }

    public VBox root() {
        return root;
    }
}
