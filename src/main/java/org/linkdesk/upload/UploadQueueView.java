package org.linkdesk.upload;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.linkdesk.ui.common.Fxml;
import org.linkdesk.ui.common.TextClipboard;

/** The upload queue, bound to {@link UploadQueueViewModel} (files dropped on it are the main window's to place). */
public final class UploadQueueView {
    private final UploadQueueViewModel model;
    private final Parent root;
    @FXML private Label queueHint;
    @FXML private TableView<UploadItem> queueTable;
    @FXML private TableColumn<UploadItem, String> queueNameColumn;
    @FXML private TableColumn<UploadItem, String> queueKeyColumn;
    @FXML private TableColumn<UploadItem, Number> queueProgressColumn;
    @FXML private TableColumn<UploadItem, String> queueStateColumn;
    @FXML private TableColumn<UploadItem, String> queueDetailColumn;
    @FXML private Button queuePauseButton;
    @FXML private Button queueResumeButton;
    @FXML private Button queueCancelButton;
    @FXML private Button queueCopyButton;
    @FXML private CheckBox queueCopyLinks;
    @FXML private javafx.scene.control.ComboBox<UniquePrefix> queueUniquePrefix;
    @FXML private Label queueMessage;

    public UploadQueueView(UploadQueueViewModel model) {
        this.model = model;
        this.root = Fxml.load(this, "UploadQueue.fxml");
    }

    @FXML
    private void initialize() {
        queueTable.setItems(model.items());
        queueNameColumn.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().name()));
        queueKeyColumn.setCellValueFactory(c -> c.getValue().keyProperty());
        queueProgressColumn.setCellValueFactory(c -> c.getValue().fractionProperty());
        queueProgressColumn.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.setProgress(value == null ? 0 : value.doubleValue());
                setGraphic(empty ? null : bar);
            }
        });
        queueStateColumn.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().stateProperty().get().label(), c.getValue().stateProperty()));
        queueDetailColumn.setCellValueFactory(c -> c.getValue().detailProperty());
        var selected = queueTable.getSelectionModel().selectedItemProperty();
        queuePauseButton.disableProperty().bind(selected.isNull());
        queueResumeButton.disableProperty().bind(selected.isNull());
        queueCancelButton.disableProperty().bind(selected.isNull());
        queueCopyButton.disableProperty().bind(selected.isNull());
        queuePauseButton.setOnAction(e -> model.pause(selected.get()));
        queueResumeButton.setOnAction(e -> model.resume(selected.get()));
        queueCancelButton.setOnAction(e -> model.cancel(selected.get()));
        queueCopyButton.setOnAction(e -> {
            String link = selected.get().linkProperty().get();
            if (link != null) {
                TextClipboard.system().put(link);
            }
        });
        queueUniquePrefix.getItems().setAll(UniquePrefix.values());
        queueUniquePrefix.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(UniquePrefix p) {
                return p == null ? "" : switch (p) {
                    case NONE -> "Nothing";
                    case DATE -> "Today's date";
                    case RANDOM -> "A random folder";
                };
            }

            @Override
            public UniquePrefix fromString(String s) {
                return null;
            }
        });
        queueUniquePrefix.valueProperty().bindBidirectional(model.uniquePrefixProperty());
        queueCopyLinks.selectedProperty().bindBidirectional(model.copyLinksProperty());
        queueMessage.textProperty().bind(model.messageProperty());
    }

    public Parent root() {
        return root;
    }
}
