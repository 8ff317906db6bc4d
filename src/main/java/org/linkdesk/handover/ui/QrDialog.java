package org.linkdesk.handover.ui;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.linkdesk.handover.QrMatrix;

/** A small window with the link's QR code and "Save PNG…". */
final class QrDialog {
    private static final int DISPLAY_SIDE = 320;
    private final Stage stage = new Stage();

    QrDialog(HandoverViewModel model, QrMatrix qr, Window owner) {
        int scale = Math.max(1, DISPLAY_SIDE / qr.size());
        ImageView view = new ImageView(QrImages.image(qr, scale));
        Label hint = new Label("Scan to open the link on a phone. Anyone who scans it can use it until it expires.");
        hint.setWrapText(true);
        hint.setMaxWidth(qr.size() * scale);
        Label saved = new Label();
        saved.textProperty().bind(model.qrMessageProperty());
        saved.setWrapText(true);
        saved.setMaxWidth(qr.size() * scale);
        Button save = new Button("Save PNG…");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the QR code");
            chooser.setInitialFileName("link-qr.png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                model.savePng(qr, file.toPath());
            }
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(10, save, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(12, view, hint, saved, buttons);
        box.setPadding(new Insets(16));
        box.getStyleClass().add("qr-dialog");
        Scene scene = new Scene(box);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(QrDialog.class.getResource("handover.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("QR code");
        stage.setResizable(false);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
    }

    void show() {
        stage.show();
    }
}
