package org.linkdesk.upload;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.linkdesk.ui.common.SceneFactory;

/** The "Unfinished uploads" window of a bucket, bound to {@link UnfinishedUploadsViewModel}. */
public final class UnfinishedUploadsDialog {
    private final Stage stage = new Stage();

    public UnfinishedUploadsDialog(UnfinishedUploadsViewModel model, ZoneId zone, Window owner, SceneFactory scenes) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(zone);
        TableView<UnfinishedUploadsViewModel.Row> table = new TableView<>(model.rows());
        table.setId("unfinishedTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No unfinished uploads."));
        TableColumn<UnfinishedUploadsViewModel.Row, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().upload().key()));
        key.setPrefWidth(260);
        TableColumn<UnfinishedUploadsViewModel.Row, String> started = new TableColumn<>("Started");
        started.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().upload().initiated() == null ? ""
                : when.format(c.getValue().upload().initiated())));
        started.setPrefWidth(170);
        TableColumn<UnfinishedUploadsViewModel.Row, String> by = new TableColumn<>("Started by");
        by.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().startedBy()));
        table.getColumns().setAll(java.util.List.of(key, started, by));

        var selected = table.getSelectionModel().selectedItemProperty();
        Button resume = new Button("Resume");
        resume.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().localFile() == null, selected));
        resume.setOnAction(e -> model.resume(selected.get()));
        Button abort = new Button("Abort…");
        abort.disableProperty().bind(selected.isNull());
        abort.setOnAction(e -> model.abort(selected.get()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, resume, abort, refresh, gap, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.getStyleClass().add("dialog-title");
        title.textProperty().bind(Bindings.concat("Unfinished uploads in ", model.bucketProperty()));
        Label hint = new Label("Multipart uploads that were started and neither completed nor aborted, by Linkdesk"
                + " or any other tool. Their parts are stored (and billed) until then.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label message = new Label();
        message.getStyleClass().add("status");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        BorderPane root = new BorderPane(table, new VBox(4, title, hint), null, new VBox(8, message, buttons), null);
        BorderPane.setMargin(table, new Insets(10, 0, 10, 0));
        root.setPadding(new Insets(14, 16, 12, 16));
        root.getStyleClass().add("form");
        root.getStylesheets().add(UnfinishedUploadsDialog.class.getResource("upload.css").toExternalForm());
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Unfinished uploads");
        stage.setScene(scenes.create(root, 720, 420));
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }
}
