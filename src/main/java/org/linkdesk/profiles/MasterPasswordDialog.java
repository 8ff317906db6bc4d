package org.linkdesk.profiles;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for the master password: to create it (twice) or to unlock. Returns true when the vault is open. */
public final class MasterPasswordDialog {
    private final Dialog<Boolean> dialog = new Dialog<>();

    public MasterPasswordDialog(MasterPasswordViewModel model, Window owner) {
        dialog.initOwner(owner);
        boolean creating = model.isCreating();
        dialog.setTitle(creating ? "Create a master password" : "Unlock Linkdesk");
        dialog.setHeaderText(creating
                ? "Your profile secrets and saved links are encrypted with this password.\nIt cannot be recovered if you forget it."
                : "Enter your master password to use your profiles and saved links.");
        PasswordField password = new PasswordField();
        password.setId("masterPasswordField");
        password.setPromptText("Master password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField confirmation = new PasswordField();
        confirmation.setId("masterPasswordConfirmField");
        confirmation.setPromptText("The same password again");
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        confirmation.setVisible(creating);
        confirmation.setManaged(creating);
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> model.errorProperty().get() != null ? model.errorProperty().get()
                        : password.getText().isEmpty() ? "" : model.problemProperty().get(),
                model.errorProperty(), model.problemProperty(), password.textProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        VBox content = new VBox(10, password, confirmation, new HBox(8, busy, problem));
        content.setPadding(new Insets(12, 16, 4, 16));
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        ButtonType submit = new ButtonType(creating ? "Create" : "Unlock", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(submit, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(submit);
        ok.setId("masterPasswordSubmit");
        ok.disableProperty().bind(model.problemProperty().isNotNull().or(model.busyProperty()));
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.submit(() -> {
                dialog.setResult(Boolean.TRUE);
                dialog.close();
            });
        });
        dialog.setResultConverter(button -> Boolean.FALSE);
        dialog.setOnShown(e -> password.requestFocus());
    }

    /** True when the vault was created or unlocked; false when the user cancelled. */
    public boolean showAndWait() {
        return dialog.showAndWait().orElse(Boolean.FALSE);
    }
}
