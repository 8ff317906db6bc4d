package org.linkdesk.profiles;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.linkdesk.store.Vault;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/**
 * Changes the master password. The vault re-wraps its data key in one transaction, so every secret and saved link
 * stays readable, and nothing changes when the current password is wrong.
 */
public final class ChangePasswordDialog {
    private final Dialog<Boolean> dialog = new Dialog<>();
    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final Label problem = new Label();

    public ChangePasswordDialog(Vault vault, TaskRunner tasks, Window owner,
                                org.linkdesk.ui.common.SceneFactory scenes) {
        dialog.initOwner(owner);
        dialog.setTitle("Change master password");
        dialog.setHeaderText("Choose a new master password");
        current.setId("changePasswordCurrent");
        fresh.setId("changePasswordNew");
        confirm.setId("changePasswordConfirm");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.getStyleClass().add("form");
        grid.addRow(0, new Label("Current password"), current);
        grid.addRow(1, new Label("New password"), fresh);
        grid.addRow(2, new Label("Repeat new password"), confirm);
        Label hint = new Label("At least " + Vault.MIN_PASSWORD_LENGTH + " characters. Your profiles and saved links "
                + "stay readable; only the key that protects them is re-wrapped.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        grid.add(hint, 1, 3);
        grid.add(problem, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        scenes.style(dialog);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("changePasswordSubmit");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> current.getText().isEmpty()
                || fresh.getText().length() < Vault.MIN_PASSWORD_LENGTH || !fresh.getText().equals(confirm.getText()),
                current.textProperty(), fresh.textProperty(), confirm.textProperty()));
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            char[] oldPassword = current.getText().toCharArray();
            char[] newPassword = fresh.getText().toCharArray();
            ok.setDisable(true);
            tasks.run(() -> {
                try {
                    vault.changePassword(oldPassword, newPassword);
                    return true;
                } finally {
                    Arrays.fill(oldPassword, '\0');
                    Arrays.fill(newPassword, '\0');
                }
            }).onSuccess(done -> {
                dialog.setResult(true);
                dialog.close();
            }).onError(err -> problem.setText(UserMessages.describe(err))).start();
        });
        dialog.setResultConverter(b -> false);
    }

    /** True when the password was changed. */
    public boolean showAndWait() {
        return dialog.showAndWait().orElse(false);
    }
}
