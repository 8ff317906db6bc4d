package org.linkdesk.profiles;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.linkdesk.ui.common.DialogSubmit;
import org.linkdesk.ui.common.Fxml;

/** "Import from AWS CLI": the preview of ~/.aws profiles (secrets masked), pick, rename or skip, import all at once. */
public final class AwsImportDialog {
    private static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
    private final AwsImportViewModel model;
    private final Dialog<AwsImport.Outcome> dialog = new Dialog<>();

    @FXML private Label awsImportSource;
    @FXML private TableView<AwsImportRow> awsImportTable;
    @FXML private Label awsImportNotes;
    @FXML private CheckBox awsImportByReference;
    @FXML private Label awsImportStorageLabel;
    @FXML private ComboBox<SecretStorage> awsImportStorageBox;
    @FXML private ProgressIndicator awsImportBusy;
    @FXML private Label awsImportError;

    public AwsImportDialog(AwsImportViewModel model, Window owner, org.linkdesk.ui.common.SceneFactory scenes) {
        this.model = model;
        VBox content = Fxml.load(this, "AwsImportDialog.fxml");
        dialog.initOwner(owner);
        dialog.setTitle("Import from AWS CLI");
        dialog.setHeaderText("Import profiles from your AWS CLI configuration");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        scenes.style(dialog);
        Node ok = dialog.getDialogPane().lookupButton(IMPORT);
        ok.setId("awsImportButton");
        ok.disableProperty().bind(model.busyProperty().or(Bindings.isEmpty(model.rows())));
        DialogSubmit.closeOnSuccess(dialog, ok, model::importSelected);
        dialog.setResultConverter(b -> null);
        dialog.setResizable(true);
        content.heightProperty().addListener((o, was, now) -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        model.load();
    }

    @FXML
    private void initialize() {
        awsImportSource.textProperty().bind(model.sourceProperty());
        awsImportNotes.textProperty().bind(model.notesProperty());
        awsImportNotes.visibleProperty().bind(model.notesProperty().isNotEmpty());
        awsImportNotes.managedProperty().bind(model.notesProperty().isNotEmpty());
        awsImportError.textProperty().bind(model.errorProperty());
        awsImportBusy.visibleProperty().bind(model.busyProperty());
        awsImportByReference.selectedProperty().bindBidirectional(model.byReferenceProperty());
        awsImportStorageBox.setItems(model.storageChoices());
        awsImportStorageBox.valueProperty().bindBidirectional(model.storageProperty());
        awsImportStorageBox.disableProperty().bind(model.byReferenceProperty());
        awsImportStorageLabel.disableProperty().bind(model.byReferenceProperty());

        awsImportTable.setItems(model.rows());
        awsImportTable.setPlaceholder(new Label("No AWS CLI profiles found."));
        TableColumn<AwsImportRow, AwsImportRow> pick = column("Import", 58);
        pick.setCellFactory(c -> cell(row -> {
            CheckBox box = new CheckBox();
            box.selectedProperty().bindBidirectional(row.selectedProperty());
            box.setDisable(!row.importable());
            box.setId("awsImportPick-" + row.source().name());
            return box;
        }));
        TableColumn<AwsImportRow, AwsImportRow> name = column("AWS profile", 110);
        name.setCellFactory(c -> cell(row -> new Label(row.source().name())));
        TableColumn<AwsImportRow, AwsImportRow> creds = column("Credentials", 250);
        creds.setCellFactory(c -> cell(row -> {
            Label l = new Label(row.importable() ? row.credentialsText() : "no credentials — cannot import");
            if (row.source().hasStaticKeys()) {
                l.getStyleClass().add("masked");
            }
            l.setTooltip(new javafx.scene.control.Tooltip(row.source().detail()));
            return l;
        }));
        TableColumn<AwsImportRow, AwsImportRow> where = column("Region · endpoint", 200);
        where.setCellFactory(c -> cell(row -> {
            Label l = new Label(row.whereText());
            l.setTooltip(new javafx.scene.control.Tooltip(row.whereText()));
            return l;
        }));
        TableColumn<AwsImportRow, AwsImportRow> target = column("Import as", 140);
        target.setCellFactory(c -> cell(row -> {
            TextField field = new TextField();
            field.textProperty().bindBidirectional(row.targetNameProperty());
            field.setId("awsImportName-" + row.source().name());
            return field;
        }));
        TableColumn<AwsImportRow, AwsImportRow> clash = column("If the name is taken", 200);
        clash.setCellFactory(c -> cell(row -> {
            if (!row.nameTaken()) {
                Label free = new Label("name is free");
                free.getStyleClass().add("hint");
                return free;
            }
            ChoiceBox<AwsImport.Clash> box = new ChoiceBox<>();
            box.getItems().setAll(AwsImport.Clash.values());
            box.valueProperty().bindBidirectional(row.onClashProperty());
            box.setId("awsImportClash-" + row.source().name());
            return box;
        }));
        awsImportTable.getColumns().setAll(java.util.List.of(pick, name, creds, where, target, clash));
    }

    private static TableColumn<AwsImportRow, AwsImportRow> column(String title, double width) {
        TableColumn<AwsImportRow, AwsImportRow> c = new TableColumn<>(title);
        c.setCellValueFactory(data -> new javafx.beans.property.SimpleObjectProperty<>(data.getValue()));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TableCell<AwsImportRow, AwsImportRow> cell(java.util.function.Function<AwsImportRow, Node> make) {
        return new TableCell<>() {
            @Override
            protected void updateItem(AwsImportRow row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null ? null : make.apply(row));
                setText(null);
            }
        };
    }

    public javafx.scene.control.DialogPane pane() {
        return dialog.getDialogPane();
    }

    /** Shows the dialog and waits; what was imported, or empty when cancelled. */
    public Optional<AwsImport.Outcome> showAndWait() {
        return dialog.showAndWait();
    }

}
