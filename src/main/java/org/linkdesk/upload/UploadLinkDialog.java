package org.linkdesk.upload;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.linkdesk.ui.common.SceneFactory;

/** The "Upload link for someone" window, bound to {@link UploadLinkViewModel}. */
public final class UploadLinkDialog {
    private final Stage stage = new Stage();
    private final UploadLinkViewModel model;
    private final TabPane outputs = new TabPane();

    public UploadLinkDialog(UploadLinkViewModel model, Window owner, SceneFactory scenes) {
        this.model = model;
        ComboBox<UploadLinkViewModel.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(UploadLinkViewModel.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(UploadLinkViewModel.Kind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public UploadLinkViewModel.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Kind"), kind);
        form.addRow(1, new Label("Key or folder/"), field(model.keyProperty(), "uploads/ or uploads/report.pdf"));
        Label maxLabel = new Label("Largest size");
        TextField max = field(model.maxSizeProperty(), "100MiB");
        form.addRow(2, maxLabel, max);
        form.addRow(3, new Label("Content type"), field(model.contentTypeProperty(), "any; image/ or application/pdf"));
        Label sizeLabel = new Label("File size");
        TextField size = field(model.fileSizeProperty(), "exact size, e.g. 12GiB or 12884901888");
        form.addRow(4, sizeLabel, size);
        Label partLabel = new Label("Part size");
        TextField part = field(model.partSizeProperty(), "at least 5MiB, e.g. 64MiB; at most 10 000 parts");
        part.setId("uploadLinkPartSize");
        form.addRow(5, partLabel, part);
        form.addRow(6, new Label("Valid for"), field(model.expiryProperty(), "7d"));
        showOnly(model.kindProperty().isEqualTo(UploadLinkViewModel.Kind.POST), maxLabel, max);
        showOnly(model.kindProperty().isEqualTo(UploadLinkViewModel.Kind.MULTIPART), sizeLabel, size, partLabel,
                part);
        Button generate = new Button("Make upload link");
        generate.getStyleClass().add("accent");
        generate.setDefaultButton(true);
        generate.setMinWidth(Region.USE_PREF_SIZE);
        generate.setOnAction(e -> model.generate());
        Label message = new Label();
        message.getStyleClass().add("status");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(10, generate, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Upload link for someone: " + model.bucket());
        title.getStyleClass().add("dialog-title");
        Label hint = new Label("Someone without credentials sends a file into this bucket. A POST form can limit "
                + "the size and type; a PUT link cannot.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        outputs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        outputs.setId("uploadLinkOutputs");
        model.outputs().addListener((ListChangeListener<UploadLinks.Output>) c -> showOutputs());
        VBox top = new VBox(8, title, hint, form, actions);
        BorderPane root = new BorderPane(outputs, top, null, null, null);
        BorderPane.setMargin(outputs, new Insets(10, 0, 0, 0));
        root.setPadding(new Insets(14, 16, 12, 16));
        root.getStyleClass().add("form");
        root.getStylesheets().add(UploadLinkDialog.class.getResource("upload.css").toExternalForm());
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Upload link for someone");
        stage.setScene(scenes.create(root, 780, 640));
    }

    private static TextField field(javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setPrefColumnCount(30);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static void showOnly(javafx.beans.value.ObservableBooleanValue when, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
        }
    }

    private void showOutputs() {
        outputs.getTabs().clear();
        for (UploadLinks.Output output : model.outputs()) {
            TextArea text = new TextArea(output.text());
            text.setEditable(false);
            text.setWrapText(!output.text().contains("\n"));
            text.getStyleClass().add("mono");
            VBox.setVgrow(text, Priority.ALWAYS);
            Button copy = new Button("Copy");
            copy.setOnAction(e -> model.copy(output));
            Button save = new Button("Save…");
            save.setOnAction(e -> model.save(output));
            VBox box = new VBox(8, text, new HBox(8, copy, save));
            box.setPadding(new Insets(8, 0, 0, 0));
            outputs.getTabs().add(new Tab(output.title(), box));
        }
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }
}
