package org.linkdesk.history;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.ShareStatus;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.common.Fxml;

/** The History tab's table and buttons, bound to {@link HistoryViewModel}. */
public final class HistoryView {
    private final HistoryViewModel model;
    private final ZoneId zone;
    private final BiConsumer<String, String> useInForm;
    private final Parent root;

    @FXML private TableView<ShareRecord> table;
    @FXML private TableColumn<ShareRecord, Instant> createdColumn;
    @FXML private TableColumn<ShareRecord, String> profileColumn;
    @FXML private TableColumn<ShareRecord, String> objectColumn;
    @FXML private TableColumn<ShareRecord, String> methodColumn;
    @FXML private TableColumn<ShareRecord, Instant> expiresColumn;
    @FXML private TableColumn<ShareRecord, ShareStatus> statusColumn;
    @FXML private TableColumn<ShareRecord, String> noteColumn;
    @FXML private Button copyButton;
    @FXML private Button useButton;
    @FXML private Button deleteButton;
    @FXML private Button refreshButton;
    @FXML private Button moreButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;

    /** @param useInForm called with bucket and key when the user wants a new link for a past object */
    public HistoryView(HistoryViewModel model, ZoneId zone, BiConsumer<String, String> useInForm) {
        this.model = model;
        this.zone = zone;
        this.useInForm = useInForm;
        this.root = Fxml.load(this, "History.fxml");
    }

    @FXML
    private void initialize() {
        table.setItems(model.rows());
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        createdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().createdAt()));
        createdColumn.setCellFactory(c -> instantCell(false));
        profileColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().profileName() == null ? "environment" : c.getValue().profileName()));
        objectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().bucket() + "/" + c.getValue().key()));
        methodColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().method().name()));
        expiresColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().expiresAt()));
        expiresColumn.setCellFactory(c -> instantCell(true));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status(model.clock().instant())));
        statusColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ShareStatus status, boolean empty) {
                super.updateItem(status, empty);
                getStyleClass().removeAll("status-active", "status-expiring", "status-expired");
                setText(empty || status == null ? null : status.label());
                if (!empty && status != null) {
                    getStyleClass().add("status-" + status.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        noteColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().note() == null ? "" : c.getValue().note()));

        var nothingSelected = table.getSelectionModel().selectedItemProperty().isNull();
        copyButton.disableProperty().bind(nothingSelected);
        useButton.disableProperty().bind(nothingSelected);
        deleteButton.disableProperty().bind(nothingSelected);
        copyButton.setOnAction(e -> model.copySelected());
        deleteButton.setOnAction(e -> model.deleteSelected());
        useButton.setOnAction(e -> {
            ShareRecord s = table.getSelectionModel().getSelectedItem();
            if (s != null) {
                useInForm.accept(s.bucket(), s.key());
            }
        });
        refreshButton.setOnAction(e -> model.refresh());
        moreButton.visibleProperty().bind(model.hasMoreProperty());
        moreButton.setOnAction(e -> model.loadMore());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.styleProperty().bind(Bindings.when(model.messageIsErrorProperty())
                .then("-fx-text-fill: -ld-error;").otherwise(""));
    }

    private TableCell<ShareRecord, Instant> instantCell(boolean withRelative) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant instant, boolean empty) {
                super.updateItem(instant, empty);
                if (empty || instant == null) {
                    setText(null);
                } else {
                    String text = Formats.shortDateTime(instant, zone);
                    setText(withRelative ? text + " (" + Formats.relative(instant, model.clock().instant()) + ")" : text);
                }
            }
        };
    }

    public Parent root() {
        return root;
    }
}
