package org.linkdesk.handover.ui;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitMenuButton;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.handover.LinkFormat;
import org.linkdesk.ui.common.Fxml;

/** The "Copy as" split button, "QR code…" and "Test link" under a link, bound to {@link HandoverViewModel}. */
public final class HandoverBar {
    private final HandoverViewModel model;
    private final Parent root;

    @FXML private SplitMenuButton copyAsButton;
    @FXML private Button qrButton;
    @FXML private Button testButton;
    @FXML private ProgressIndicator testingIndicator;
    @FXML private Label resultLabel;

    public HandoverBar(HandoverViewModel model) {
        this.model = model;
        this.root = Fxml.load(this, "HandoverBar.fxml");
        root.getStylesheets().add(HandoverBar.class.getResource("handover.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        copyAsButton.getItems().setAll(menuItems());
        copyAsButton.textProperty().bind(Bindings.createStringBinding(
                () -> "Copy as " + model.defaultFormatProperty().get().label(), model.defaultFormatProperty()));
        copyAsButton.setOnAction(e -> model.copyDefault());
        copyAsButton.disableProperty().bind(model.hasLinkProperty().not());
        qrButton.disableProperty().bind(model.hasLinkProperty().not());
        qrButton.setOnAction(e -> showQr());
        testButton.disableProperty().bind(model.hasLinkProperty().not().or(model.testingProperty()));
        testButton.setOnAction(e -> model.test());
        testingIndicator.visibleProperty().bind(model.testingProperty());
        testingIndicator.managedProperty().bind(model.testingProperty());
        resultLabel.textProperty().bind(model.messageProperty());
        model.testResultProperty().addListener((o, was, result) -> {
            resultLabel.getStyleClass().removeAll("test-ok", "test-failed");
            if (result != null) {
                resultLabel.getStyleClass().add(result.ok() ? "test-ok" : "test-failed");
            }
        });
    }

    /** One item per format, for the split button and for a context menu on the link field. */
    public java.util.List<MenuItem> menuItems() {
        java.util.List<MenuItem> items = new java.util.ArrayList<>();
        for (LinkFormat format : LinkFormat.values()) {
            MenuItem item = new MenuItem("Copy as " + format.label());
            item.setOnAction(e -> model.copy(format));
            item.disableProperty().bind(model.hasLinkProperty().not());
            items.add(item);
        }
        return items;
    }

    /** Gives {@code field} a context menu with every copy format, the QR code and the test. */
    public void attachContextMenu(Control field) {
        ContextMenu menu = new ContextMenu();
        menu.getItems().setAll(menuItems());
        MenuItem qr = new MenuItem("Show QR code…");
        qr.setOnAction(e -> showQr());
        MenuItem test = new MenuItem("Test link");
        test.setOnAction(e -> model.test());
        qr.disableProperty().bind(model.hasLinkProperty().not());
        test.disableProperty().bind(model.hasLinkProperty().not().or(model.testingProperty()));
        menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), qr, test);
        field.setContextMenu(menu);
    }

    private void showQr() {
        try {
            new QrDialog(model, model.qr(), root.getScene() == null ? null : root.getScene().getWindow()).show();
        } catch (InvalidInputException e) {
            resultLabel.textProperty().unbind();
            resultLabel.setText(e.getMessage());
            resultLabel.textProperty().bind(model.messageProperty());
        }
    }

    public Parent root() {
        return root;
    }
}
