package org.linkdesk.history;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.linkdesk.shares.DownloadRecord;
import org.linkdesk.ui.common.SceneFactory;

/** Binds a {@link ProtectedRowViewModel}: a bar under the History table, and the download-log dialog. */
final class ProtectedRowBar {
    private final ProtectedRowViewModel model;
    private final SceneFactory scenes;
    private final HBox bar;

    ProtectedRowBar(ProtectedRowViewModel model, SceneFactory scenes) {
        this.model = model;
        this.scenes = scenes;
        Label summary = new Label();
        summary.setId("historyProtectedSummary");
        summary.getStyleClass().add("protected-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setMinWidth(0);
        Label message = new Label();
        message.setId("historyProtectedMessage");
        message.textProperty().bind(model.messageProperty());
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        model.messageIsErrorProperty().addListener((o, was, now) -> message.setStyle(now
                ? "-fx-text-fill: -ld-error;" : "-fx-text-fill: -ld-ok;"));
        Button revoke = new Button("Revoke link…");
        revoke.setId("historyProtectedRevoke");
        revoke.disableProperty().bind(model.revocableProperty().not());
        revoke.setOnAction(e -> model.revoke());
        Button log = new Button("Download log…");
        log.setId("historyProtectedLog");
        log.setOnAction(e -> model.loadLog(() -> showLog(log)));
        bar = new HBox(10, summary, message, revoke, log);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 0, 0, 0));
        bar.getStyleClass().add("protected-bar");
        bar.visibleProperty().bind(model.shownProperty());
        bar.managedProperty().bind(model.shownProperty());
    }

    Node node() {
        return bar;
    }

    private void showLog(Node owner) {
        TableView<DownloadRecord> table = new TableView<>(model.log());
        table.setId("historyProtectedLogTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nobody has downloaded it yet."));
        table.getColumns().add(column("Time", 150, d -> model.time(d.at())));
        table.getColumns().add(column("Client (hashed address)", 170, DownloadRecord::ipHash));
        table.getColumns().add(column("User agent", 300, d -> d.userAgent() == null ? "—" : d.userAgent()));
        Label title = new Label();
        title.textProperty().bind(model.logTitleProperty());
        title.setWrapText(true);
        VBox content = new VBox(8, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        content.setPrefSize(680, 360);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Download log");
        dialog.initOwner(owner.getScene().getWindow());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        scenes.style(dialog);
        dialog.showAndWait();
    }

    private static TableColumn<DownloadRecord, String> column(String title, double width,
                                                              Function<DownloadRecord, String> value) {
        TableColumn<DownloadRecord, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
