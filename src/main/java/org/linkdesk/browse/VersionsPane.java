package org.linkdesk.browse;

import java.time.ZoneId;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.linkdesk.core.s3.ObjectVersion;
import org.linkdesk.ui.common.Formats;

/**
 * The collapsed "Versions" section under an object's details: listed when opened (and again for each object
 * selected while it is open), with a link per version. Binds to {@link ObjectVersionsModel} only.
 */
final class VersionsPane {
    private final TitledPane root = new TitledPane();

    VersionsPane(ObjectDetailsModel details, ZoneId zone) {
        ObjectVersionsModel model = details.versions();
        ListView<ObjectVersion> list = new ListView<>(model.versions());
        list.setId("browseVersionsList");
        list.setPrefHeight(140);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ObjectVersion v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Formats.dateTime(v.lastModified(), zone)
                        + (v.deleteMarker() ? "  · deleted" : "  · " + BrowseDetailsBinder.sizeText(v.size()))
                        + (v.latest() ? "  · latest" : "") + "\n" + v.versionId());
            }
        });
        Button link = new Button("Copy link to this version");
        link.setId("browseVersionLinkButton");
        link.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        link.setOnAction(e -> model.makeLink(list.getSelectionModel().getSelectedItem(),
                details.presetProperty().get()));
        Label message = new Label();
        message.setWrapText(true);
        message.getStyleClass().add("hint");
        message.textProperty().bind(model.messageProperty());
        root.setText("Versions");
        root.setId("browseVersionsPane");
        root.setExpanded(false);
        root.setContent(new VBox(8, list, new HBox(8, link), message));
        Runnable load = () -> {
            if (root.isExpanded() && details.entryProperty().get() != null) {
                model.load(details.bucketProperty().get(), details.entryProperty().get().key());
            }
        };
        root.expandedProperty().addListener((o, was, open) -> load.run());
        details.entryProperty().addListener((o, was, entry) -> load.run());
    }

    TitledPane root() {
        return root;
    }
}
