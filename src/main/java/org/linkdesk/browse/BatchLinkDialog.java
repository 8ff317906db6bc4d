package org.linkdesk.browse;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.common.Fxml;

/** The batch dialog's window, bound to {@link BatchLinkViewModel}. */
public final class BatchLinkDialog {
    private final BatchLinkViewModel model;
    private final Parent root;
    private Stage stage;

    @FXML private Label batchTitle;
    @FXML private Label batchSubtitle;
    @FXML private TableView<RuleRow> batchRulesTable;
    @FXML private TableColumn<RuleRow, String> batchRuleMatchColumn;
    @FXML private TableColumn<RuleRow, String> batchRuleExpiryColumn;
    @FXML private Button batchAddRuleButton;
    @FXML private Button batchRemoveRuleButton;
    @FXML private TextField batchFallbackField;
    @FXML private Label batchRulesProblem;
    @FXML private TextField batchNoteField;
    @FXML private TableView<BatchRow> batchTable;
    @FXML private TableColumn<BatchRow, String> batchKeyColumn;
    @FXML private TableColumn<BatchRow, Long> batchSizeColumn;
    @FXML private TableColumn<BatchRow, String> batchNameColumn;
    @FXML private TableColumn<BatchRow, String> batchExpiryColumn;
    @FXML private TableColumn<BatchRow, String> batchUrlColumn;
    @FXML private TableColumn<BatchRow, String> batchTestColumn;
    @FXML private Button batchTestButton;
    @FXML private ProgressBar batchProgress;
    @FXML private Label batchMessage;
    @FXML private Button batchCopyAllButton;
    @FXML private Button batchExportCsvButton;
    @FXML private Button batchExportJsonButton;
    @FXML private Button batchCancelButton;
    @FXML private Button batchMakeButton;
    @FXML private Button batchCloseButton;

    public BatchLinkDialog(BatchLinkViewModel model) {
        this.model = model;
        this.root = Fxml.load(this, "BatchLink.fxml");
    }

    @FXML
    private void initialize() {
        int n = model.rows().size();
        batchTitle.setText(String.format(Locale.ROOT, "Make %,d %s", n, n == 1 ? "link" : "links"));
        batchSubtitle.setText("In bucket " + model.bucket() + ". Every link is saved in the history at once — "
                + "or none, if something fails or you cancel.");

        batchRulesTable.setItems(model.rules());
        batchRuleMatchColumn.setCellValueFactory(c -> c.getValue().matchProperty());
        batchRuleMatchColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        batchRuleExpiryColumn.setCellValueFactory(c -> c.getValue().expiryProperty());
        batchRuleExpiryColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        batchAddRuleButton.setOnAction(e -> {
            model.addRule();
            batchRulesTable.getSelectionModel().selectLast();
            batchRulesTable.edit(model.rules().size() - 1, batchRuleMatchColumn);
        });
        batchRemoveRuleButton.disableProperty().bind(batchRulesTable.getSelectionModel().selectedItemProperty().isNull());
        batchRemoveRuleButton.setOnAction(e -> model.removeRule(batchRulesTable.getSelectionModel().getSelectedItem()));
        batchFallbackField.textProperty().bindBidirectional(model.fallbackProperty());
        batchRulesProblem.textProperty().bind(model.rulesProblemProperty());
        BrowseView.show(batchRulesProblem, model.rulesProblemProperty().isNotEmpty());
        batchNoteField.textProperty().bindBidirectional(model.noteProperty());

        batchTable.setItems(model.rows());
        batchKeyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        batchSizeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        batchSizeColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long size, boolean empty) {
                super.updateItem(size, empty);
                setText(empty || size == null || size < 0 ? null : Formats.size(size));
            }
        });
        batchNameColumn.setCellValueFactory(c -> c.getValue().downloadNameProperty());
        batchNameColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        batchExpiryColumn.setCellValueFactory(c -> c.getValue().expiryProperty());
        batchUrlColumn.setCellValueFactory(c -> c.getValue().urlProperty());
        batchTestColumn.setCellValueFactory(c -> c.getValue().testResultProperty());

        var running = model.runningProperty();
        var done = model.doneProperty();
        batchMakeButton.setText(batchTitle.getText());
        batchMakeButton.disableProperty().bind(running.or(model.rulesProblemProperty().isNotEmpty()));
        BrowseView.show(batchMakeButton, done.not());
        batchMakeButton.setOnAction(e -> model.make());
        BrowseView.show(batchCancelButton, running);
        batchCancelButton.setOnAction(e -> model.cancel());
        for (Button b : new Button[] {batchCopyAllButton, batchTestButton, batchExportCsvButton,
                batchExportJsonButton}) {
            BrowseView.show(b, done);
        }
        batchCopyAllButton.setOnAction(e -> model.copyAll());
        var scope = new org.linkdesk.ui.common.Shortcuts.Scope(batchTable);
        batchTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        scope.install(new javafx.scene.control.ContextMenu(scope.item("Copy link", "batchMenuCopy",
                org.linkdesk.ui.common.Shortcuts.COPY, () -> model.copy(batchTable.getSelectionModel()
                        .getSelectedItems()))));
        batchTestButton.setOnAction(e -> model.testAll());
        batchExportCsvButton.setOnAction(e -> chooseFile("links.csv", "CSV", "*.csv").ifPresent(model::exportCsv));
        batchExportJsonButton.setOnAction(e -> chooseFile("links.json", "JSON", "*.json").ifPresent(model::exportJson));
        batchCloseButton.disableProperty().bind(running);
        batchCloseButton.setOnAction(e -> stage.close());
        batchProgress.progressProperty().bind(model.progressProperty());
        batchProgress.visibleProperty().bind(running.or(done));
        batchRulesTable.editableProperty().bind(running.not().and(done.not()));
        batchTable.editableProperty().bind(running.not().and(done.not()));
        batchFallbackField.disableProperty().bind(running.or(done));
        batchAddRuleButton.disableProperty().bind(running.or(done));
        batchMessage.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((o, was, error) -> {
            batchMessage.getStyleClass().removeAll("message", "problem");
            batchMessage.getStyleClass().add(error ? "problem" : "message");
        });
        batchCloseButton.textProperty().bind(Bindings.when(done).then("Done").otherwise("Close"));
        done.addListener((o, was, now) -> {
            if (now) {
                batchTitle.setText(String.format(Locale.ROOT, "%,d %s ready", n, n == 1 ? "link" : "links"));
            }
        });
    }

    private java.util.Optional<Path> chooseFile(String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(stage);
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }

    /** Opens the dialog over {@code owner} and waits until it is closed. */
    public void showAndWait(Window owner, org.linkdesk.ui.common.SceneFactory scenes) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(batchTitle.getText() + " — Linkdesk");
        Scene scene = scenes.createDialog(stage, root, 980, 660);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(e -> {
            if (model.runningProperty().get()) {
                e.consume();
            }
        });
        stage.showAndWait();
    }

    public Parent root() {
        return root;
    }
}
