package org.linkdesk.profiles;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.linkdesk.ui.common.Fxml;

/** New / Edit profile dialog; fields bound to {@link ProfileDialogViewModel}. */
public final class ProfileDialog {
    private final ProfileDialogViewModel model;
    private final Dialog<Profile> dialog = new Dialog<>();

    @FXML private TextField nameField;
    @FXML private TextField accessKeyIdField;
    @FXML private PasswordField secretField;
    @FXML private Label secretHint;
    @FXML private PasswordField sessionTokenField;
    @FXML private CheckBox clearTokenCheck;
    @FXML private TextField regionField;
    @FXML private TextField endpointField;
    @FXML private CheckBox pathStyleCheck;
    @FXML private Label problemLabel;
    @FXML private ProgressIndicator busyIndicator;

    public ProfileDialog(ProfileDialogViewModel model, Window owner) {
        this.model = model;
        GridPane content = Fxml.load(this, "ProfileDialog.fxml");
        dialog.initOwner(owner);
        dialog.setTitle(model.isNew() ? "New profile" : "Edit profile");
        dialog.setHeaderText(model.isNew() ? "Add the credentials Linkdesk signs links with"
                : "Change profile \u201c" + model.nameProperty().get() + "\u201d");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(560);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("profileSaveButton");
        ok.disableProperty().bind(model.problemProperty().isNotNull().or(model.busyProperty()));
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.save(profile -> {
                dialog.setResult(profile);
                dialog.close();
            });
        });
        dialog.setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(model.nameProperty());
        accessKeyIdField.textProperty().bindBidirectional(model.accessKeyIdProperty());
        secretField.textProperty().bindBidirectional(model.secretAccessKeyProperty());
        sessionTokenField.textProperty().bindBidirectional(model.sessionTokenProperty());
        clearTokenCheck.selectedProperty().bindBidirectional(model.clearSessionTokenProperty());
        clearTokenCheck.setVisible(model.hasStoredSessionToken());
        clearTokenCheck.setManaged(model.hasStoredSessionToken());
        regionField.textProperty().bindBidirectional(model.regionProperty());
        endpointField.textProperty().bindBidirectional(model.endpointUrlProperty());
        pathStyleCheck.selectedProperty().bindBidirectional(model.pathStyleProperty());
        if (!model.isNew()) {
            secretField.setPromptText("leave empty to keep the stored secret");
            sessionTokenField.setPromptText("leave empty to keep the stored token");
        }
        secretHint.setText("Stored encrypted with your master password; never shown again.");
        problemLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.errorProperty().get() != null ? model.errorProperty().get() : model.problemProperty().get(),
                model.errorProperty(), model.problemProperty()));
        busyIndicator.visibleProperty().bind(model.busyProperty());
    }

    /** Shows the dialog and waits; the saved profile, or empty when cancelled. */
    public Optional<Profile> showAndWait() {
        return dialog.showAndWait();
    }
}
