package org.linkdesk.profiles;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.linkdesk.ui.common.SceneFactory;

/** Edits a profile's link delivery (CloudFront, custom public host); binds to {@link DeliveryViewModel}. */
public final class DeliveryDialog {
    private final Dialog<Boolean> dialog = new Dialog<>();

    public DeliveryDialog(DeliveryViewModel model, String profileName, Window owner, SceneFactory scenes) {
        dialog.initOwner(owner);
        dialog.setTitle("Link delivery");
        dialog.setHeaderText("How links from \u201c" + profileName + "\u201d reach people");
        TextField domain = field("deliveryCloudFrontDomain", "d111111abcdef8.cloudfront.net",
                model.cloudFrontDomainProperty());
        TextField keyPair = field("deliveryKeyPairId", "K2JCJMDEHXQW5F", model.keyPairIdProperty());
        TextField host = field("deliveryPublicHost", "https://files.example.com", model.publicHostProperty());
        Button choose = new Button("Choose PEM file…");
        choose.setId("deliveryChooseKey");
        choose.setOnAction(e -> model.choosePrivateKey());
        Button remove = new Button("Remove key");
        remove.setOnAction(e -> model.removePrivateKey());
        Label keyStatus = hint(null);
        keyStatus.textProperty().bind(model.keyStatusProperty());
        Label problem = hint(null);
        problem.getStyleClass().setAll("label", "problem");
        problem.textProperty().bind(model.problemProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.getStyleClass().add("form");
        grid.add(section("CloudFront signed URLs (GET links)"), 0, 0, 2, 1);
        grid.addRow(1, new Label("Distribution domain"), domain);
        grid.addRow(2, new Label("Key-pair id"), keyPair);
        grid.addRow(3, new Label("Private key"), new HBox(8, choose, remove));
        grid.add(keyStatus, 1, 4);
        grid.add(section("Custom public host (S3-compatible servers)"), 0, 5, 2, 1);
        grid.addRow(6, new Label("Public host"), host);
        grid.add(hint(DeliveryViewModel.CUSTOM_HOST_NOTE), 1, 7);
        grid.add(problem, 0, 8, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(620);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        scenes.style(dialog);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ((Button) ok).setText("Save");
        ok.setId("deliverySave");
        ok.disableProperty().bind(model.busyProperty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.save(() -> {
                dialog.setResult(true);
                dialog.close();
            });
        });
        dialog.setResultConverter(b -> false);
        model.load();
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(30);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMaxWidth(440);
        return l;
    }

    /** Shows the dialog; true when the settings were saved. */
    public boolean showAndWait() {
        return dialog.showAndWait().orElse(false);
    }
}
