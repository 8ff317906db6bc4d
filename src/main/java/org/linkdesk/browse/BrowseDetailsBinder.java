package org.linkdesk.browse;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.linkdesk.core.s3.ObjectInfo;
import org.linkdesk.links.DownloadNames;
import org.linkdesk.links.ExpiryPreset;
import org.linkdesk.ui.common.Formats;

/** Binds the details pane of {@link BrowseView} to {@link ObjectDetailsModel}. */
final class BrowseDetailsBinder {
    private final ObjectDetailsModel model;
    private final ZoneId zone;
    private final BrowseView view;

    BrowseDetailsBinder(ObjectDetailsModel model, ZoneId zone, BrowseView view) {
        this.model = model;
        this.zone = zone;
        this.view = view;
    }

    void bind() {
        var none = model.entryProperty().isNull();
        BrowseView.show(view.noSelection(), none);
        BrowseView.show(view.details(), none.not());
        model.entryProperty().addListener((o, was, entry) -> showEntry(entry));
        model.infoProperty().addListener((o, was, info) -> showInfo(info));

        view.presetBox().getItems().setAll(ExpiryPreset.MINUTES_15, ExpiryPreset.HOUR_1, ExpiryPreset.DAY_1,
                ExpiryPreset.DAYS_7);
        view.presetBox().valueProperty().bindBidirectional(model.presetProperty());
        view.downloadNameField().textProperty().bindBidirectional(model.downloadNameProperty());
        view.downloadNameField().setOnAction(e -> model.makeLink());
        view.makeLinkButton().setOnAction(e -> model.makeLink());
        view.makeLinkButton().disableProperty().bind(model.busyProperty().or(none));
        view.moreOptionsButton().setOnAction(e -> {
            if (model.entryProperty().get() != null) {
                view.useInForm().accept(model.bucketProperty().get(), model.entryProperty().get().key());
            }
        });
        view.protectedLinkButton().disableProperty().bind(none);
        view.protectedLinkButton().setOnAction(e -> {
            if (model.entryProperty().get() != null) {
                view.protectedLink().accept(model.bucketProperty().get(), model.entryProperty().get().key());
            }
        });
        view.urlField().textProperty().bind(model.urlProperty());
        view.copyButton().disableProperty().bind(model.urlProperty().isEmpty());
        view.copyButton().setOnAction(e -> model.copy());
        view.detailsMessage().textProperty().bind(model.messageProperty());
        view.details().getChildren().add(new VersionsPane(model, zone).root());
        model.messageIsErrorProperty().addListener((o, was, error) -> {
            view.detailsMessage().getStyleClass().removeAll("message", "problem");
            view.detailsMessage().getStyleClass().add(error ? "problem" : "message");
        });
    }

    private void showEntry(BrowserEntry entry) {
        if (entry == null) {
            return;
        }
        view.detailsTitle().setText(DownloadNames.fileName(entry.key()));
        view.detailsKey().setText(entry.key());
        view.sizeLabel().setText(sizeText(entry.size()));
        view.typeLabel().setText("…");
        view.modifiedLabel().setText(entry.lastModified() == null ? "—" : Formats.dateTime(entry.lastModified(), zone));
        view.etagLabel().setText(entry.etag() == null ? "—" : entry.etag());
        view.classLabel().setText(entry.storageClass() == null ? "—" : entry.storageClass());
        view.metadataBox().getChildren().clear();
    }

    private void showInfo(ObjectInfo info) {
        if (info == null) {
            return;
        }
        view.sizeLabel().setText(sizeText(info.size()));
        view.typeLabel().setText(info.contentType() == null ? "—" : info.contentType());
        view.modifiedLabel().setText(info.lastModified() == null ? "—" : Formats.dateTime(info.lastModified(), zone));
        view.etagLabel().setText(info.etag() == null ? "—" : info.etag());
        view.classLabel().setText(info.storageClass());
        view.metadataBox().getChildren().clear();
        if (!info.userMetadata().isEmpty()) {
            Label title = new Label("User metadata");
            title.getStyleClass().add("hint");
            view.metadataBox().getChildren().add(title);
            for (Map.Entry<String, String> m : info.userMetadata().entrySet()) {
                Label name = new Label(m.getKey());
                name.setMinWidth(90);
                name.setPrefWidth(90);
                Label value = new Label(m.getValue());
                value.setWrapText(true);
                HBox.setHgrow(value, Priority.ALWAYS);
                view.metadataBox().getChildren().add(new HBox(10, name, value));
            }
        }
    }

    static String sizeText(long size) {
        if (size < 0) {
            return "—";
        }
        return size < 1024 ? size + " bytes"
                : Formats.size(size) + " (" + String.format(Locale.ROOT, "%,d", size) + " bytes)";
    }
}
