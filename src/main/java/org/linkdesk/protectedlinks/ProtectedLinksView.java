package org.linkdesk.protectedlinks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.linkdesk.shares.DownloadRecord;
import org.linkdesk.ui.common.Fxml;

/** Binds ProtectedLinks.fxml to a {@link ProtectedLinksViewModel}; no logic of its own. */
public final class ProtectedLinksView {
    private final ProtectedLinksViewModel model;
    private final DateTimeFormatter when;
    private final Parent root;

    @FXML private TextField gatewayUrlField;
    @FXML private Button saveGatewayButton;
    @FXML private Button checkGatewayButton;
    @FXML private Label gatewayStatusLabel;
    @FXML private TextField bucketField;
    @FXML private TextField keyField;
    @FXML private TextField expiresField;
    @FXML private TextField maxDownloadsField;
    @FXML private PasswordField passwordField;
    @FXML private Button createButton;
    @FXML private TextField createdLinkField;
    @FXML private Button copyButton;
    @FXML private TableView<ProtectedShareRow> table;
    @FXML private TableColumn<ProtectedShareRow, String> fileColumn;
    @FXML private TableColumn<ProtectedShareRow, String> downloadsColumn;
    @FXML private TableColumn<ProtectedShareRow, String> lastColumn;
    @FXML private TableColumn<ProtectedShareRow, String> expiresColumn;
    @FXML private TableColumn<ProtectedShareRow, String> statusColumn;
    @FXML private TableColumn<ProtectedShareRow, String> ownerColumn;
    @FXML private Button revokeButton;
    @FXML private Button refreshButton;
    @FXML private Label messageLabel;
    @FXML private Label logTitleLabel;
    @FXML private TableView<DownloadRecord> logTable;
    @FXML private TableColumn<DownloadRecord, String> logTimeColumn;
    @FXML private TableColumn<DownloadRecord, String> logClientColumn;
    @FXML private TableColumn<DownloadRecord, String> logAgentColumn;

    public ProtectedLinksView(ProtectedLinksViewModel model, ZoneId zone) {
        this.model = model;
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(zone);
        this.root = Fxml.load(this, "ProtectedLinks.fxml");
        root.getStylesheets().add(ProtectedLinksView.class.getResource("protected-links.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        gatewayUrlField.textProperty().bindBidirectional(model.gatewayUrlProperty());
        gatewayStatusLabel.textProperty().bind(model.gatewayStatusProperty());
        model.gatewayProblemProperty().addListener((o, was, now) -> gatewayStatusLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), now));
        saveGatewayButton.setOnAction(e -> model.saveGatewayUrl());
        checkGatewayButton.setOnAction(e -> model.checkGateway());
        bucketField.textProperty().bindBidirectional(model.bucketProperty());
        keyField.textProperty().bindBidirectional(model.keyProperty());
        expiresField.textProperty().bindBidirectional(model.expiresProperty());
        maxDownloadsField.textProperty().bindBidirectional(model.maxDownloadsProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        createdLinkField.textProperty().bind(model.createdLinkProperty());
        createButton.setOnAction(e -> model.create());
        createButton.disableProperty().bind(model.busyProperty());
        copyButton.setOnAction(e -> model.copyCreated());
        copyButton.disableProperty().bind(model.createdLinkProperty().isEmpty());

        table.setItems(model.rows());
        text(fileColumn, r -> r.share().fileName());
        text(downloadsColumn, ProtectedShareRow::downloadsText);
        text(lastColumn, r -> time(r.share().lastDownloadAt()));
        text(expiresColumn, r -> time(r.share().expiresAt()));
        text(statusColumn, ProtectedShareRow::statusText);
        text(ownerColumn, r -> r.share().owner());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        revokeButton.disableProperty().bind(model.selectedProperty().isNull());
        revokeButton.setOnAction(e -> model.revokeSelected());
        refreshButton.setOnAction(e -> model.refresh());
        messageLabel.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((o, was, now) -> messageLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), now));

        logTitleLabel.textProperty().bind(model.logTitleProperty());
        logTable.setItems(model.log());
        text(logTimeColumn, d -> time(d.at()));
        text(logClientColumn, DownloadRecord::ipHash);
        text(logAgentColumn, d -> d.userAgent() == null ? "—" : d.userAgent());
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private String time(Instant t) {
        return t == null ? "—" : when.format(t);
    }

    public Parent root() {
        return root;
    }
}
