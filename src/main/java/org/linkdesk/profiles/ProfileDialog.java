package org.linkdesk.profiles;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.linkdesk.ui.common.DialogSubmit;
import org.linkdesk.ui.common.Fxml;

/** New / Edit profile dialog; fields bound to {@link ProfileDialogViewModel}. */
public final class ProfileDialog {
    private final ProfileDialogViewModel model;
    private final Dialog<Profile> dialog = new Dialog<>();

    @FXML private TextField nameField;
    @FXML private ComboBox<ProviderPreset> profileProviderBox;
    @FXML private GridPane accountIdPane;
    @FXML private TextField profileAccountIdField;
    @FXML private ComboBox<SecretStorage> profileStorageBox;
    @FXML private GridPane awsProfilePane;
    @FXML private ComboBox<String> profileAwsProfileBox;
    @FXML private GridPane keysPane;
    @FXML private TextField accessKeyIdField;
    @FXML private PasswordField secretField;
    @FXML private Label secretHint;
    @FXML private PasswordField sessionTokenField;
    @FXML private CheckBox clearTokenCheck;
    @FXML private TextField regionField;
    @FXML private ComboBox<String> profileRegionPicker;
    @FXML private TextField endpointField;
    @FXML private CheckBox pathStyleCheck;
    @FXML private HBox profileTestPane;
    @FXML private TextField profileTestBucketField;
    @FXML private Button profileTestButton;
    @FXML private Label profileTestResult;
    @FXML private Label problemLabel;
    @FXML private ProgressIndicator busyIndicator;

    public ProfileDialog(ProfileDialogViewModel model, Window owner, org.linkdesk.ui.common.SceneFactory scenes) {
        this.model = model;
        VBox content = Fxml.load(this, "ProfileDialog.fxml");
        dialog.initOwner(owner);
        dialog.setTitle(model.isNew() ? "New profile" : "Edit profile");
        dialog.setHeaderText(model.isNew() ? "Add the credentials Linkdesk signs links with"
                : "Change profile \u201c" + model.nameProperty().get() + "\u201d");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(700);
        dialog.setResizable(true);
        // Rows appear and disappear with the choices: keep the window fitting its content.
        content.heightProperty().addListener((o, was, now) -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        dialog.setOnShown(e -> dialog.getDialogPane().getScene().getWindow().sizeToScene());
        scenes.style(dialog);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("profileSaveButton");
        ((Button) ok).setText("Save");
        ok.disableProperty().bind(model.problemProperty().isNotNull().or(model.busyProperty()));
        DialogSubmit.closeOnSuccess(dialog, ok, model::save);
        dialog.setResultConverter(button -> null);
        model.loadChoices();
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(model.nameProperty());
        profileProviderBox.getItems().setAll(ProviderPreset.values());
        profileProviderBox.valueProperty().bindBidirectional(model.providerProperty());
        profileAccountIdField.textProperty().bindBidirectional(model.accountIdProperty());
        var needsAccount = Bindings.createBooleanBinding(() -> model.providerProperty().get() != null
                && model.providerProperty().get().needsAccountId(), model.providerProperty());
        show(needsAccount, accountIdPane);

        profileStorageBox.setItems(model.storageChoices());
        profileStorageBox.valueProperty().bindBidirectional(model.storageProperty());
        var reference = model.storageProperty().isEqualTo(SecretStorage.AWS_CLI);
        show(reference, awsProfilePane);
        show(reference.not(), keysPane);
        profileAwsProfileBox.setItems(model.awsProfileNames());
        profileAwsProfileBox.getEditor().textProperty().bindBidirectional(model.awsProfileProperty());
        profileAwsProfileBox.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.awsProfileProperty().set(now);
            }
        });

        accessKeyIdField.textProperty().bindBidirectional(model.accessKeyIdProperty());
        secretField.textProperty().bindBidirectional(model.secretAccessKeyProperty());
        sessionTokenField.textProperty().bindBidirectional(model.sessionTokenProperty());
        clearTokenCheck.selectedProperty().bindBidirectional(model.clearSessionTokenProperty());
        clearTokenCheck.setVisible(model.hasStoredSessionToken());
        clearTokenCheck.setManaged(model.hasStoredSessionToken());
        regionField.textProperty().bindBidirectional(model.regionProperty());
        profileRegionPicker.getItems().setAll(model.providerProperty().get().regions());
        model.providerProperty().addListener((o, was, now) -> profileRegionPicker.getItems().setAll(
                now == null ? java.util.List.of() : now.regions()));
        profileRegionPicker.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.regionProperty().set(now);
            }
        });
        endpointField.textProperty().bindBidirectional(model.endpointUrlProperty());
        pathStyleCheck.selectedProperty().bindBidirectional(model.pathStyleProperty());
        if (!model.isNew()) {
            secretField.setPromptText("leave empty to keep the stored secret");
            sessionTokenField.setPromptText("leave empty to keep the stored token");
        }
        secretHint.textProperty().bind(Bindings.when(model.storageProperty().isEqualTo(SecretStorage.KEYCHAIN))
                .then("Stored in the system keychain; never shown again.")
                .otherwise("Stored encrypted with your master password; never shown again."));

        profileTestPane.setDisable(!model.canTest());
        profileTestBucketField.textProperty().bindBidirectional(model.testBucketProperty());
        profileTestButton.setOnAction(e -> model.testConnection());
        profileTestButton.disableProperty().bind(model.busyProperty());
        profileTestResult.textProperty().bind(model.testResultProperty());
        org.linkdesk.ui.common.Styles.bindOutcome(profileTestResult, model.testOkProperty());
        show(model.testResultProperty().isNotEmpty(), profileTestResult);

        problemLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.errorProperty().get() != null ? model.errorProperty().get() : model.problemProperty().get(),
                model.errorProperty(), model.problemProperty()));
        busyIndicator.visibleProperty().bind(model.busyProperty());
    }

    private static void show(ObservableBooleanValue when, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
        }
    }

    /** The dialog's pane, for screenshots. */
    public javafx.scene.control.DialogPane pane() {
        return dialog.getDialogPane();
    }

    /** Shows the dialog and waits; the saved profile, or empty when cancelled. */
    public Optional<Profile> showAndWait() {
        return dialog.showAndWait();
    }
}
