package org.linkdesk.browse;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** Binds the buckets column of {@link BrowseView}: typed name, bucket list with bookmarks, message. */
final class BucketColumnBinder {
    private final BrowseViewModel model;
    private final TextField browseBucketField;
    private final Button browseOpenBucketButton;
    private final ListView<BucketEntry> browseBucketList;
    private final Label browseBucketMessage;
    private final Button browseBookmarkButton;
    private final Button browseReloadBucketsButton;

    BucketColumnBinder(BrowseViewModel model, TextField bucketField, Button openButton, ListView<BucketEntry> list,
                       Label message, Button bookmarkButton, Button reloadButton) {
        this.model = model;
        this.browseBucketField = bucketField;
        this.browseOpenBucketButton = openButton;
        this.browseBucketList = list;
        this.browseBucketMessage = message;
        this.browseBookmarkButton = bookmarkButton;
        this.browseReloadBucketsButton = reloadButton;
    }

    void bind() {
        BucketListModel buckets = model.buckets();
        browseBucketField.textProperty().bindBidirectional(model.typedBucketProperty());
        browseBucketField.setOnAction(e -> model.openTypedBucket());
        browseOpenBucketButton.setOnAction(e -> model.openTypedBucket());
        browseOpenBucketButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> BucketListModel.problem(model.typedBucketProperty().get()) != null, model.typedBucketProperty()));
        browseBucketList.setItems(buckets.buckets());
        browseBucketList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BucketEntry b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : (b.bookmarked() ? "★ " : "") + b.name());
            }
        });
        browseBucketList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !now.name().equals(model.objects().bucketProperty().get())) {
                model.openBucket(now.name());
            }
        });
        browseBucketMessage.textProperty().bind(buckets.messageProperty());
        BrowseView.show(browseBucketMessage, buckets.messageProperty().isNotEmpty());
        browseReloadBucketsButton.setOnAction(e -> model.reloadBuckets());
        browseBookmarkButton.disableProperty().bind(model.objects().bucketProperty().isEmpty());
        Runnable bookmarkText = () -> browseBookmarkButton.setText(
                buckets.isBookmarked(model.objects().bucketProperty().get()) ? "★ Bookmarked" : "☆ Bookmark");
        buckets.buckets().addListener((ListChangeListener<BucketEntry>) c -> bookmarkText.run());
        model.objects().bucketProperty().addListener(o -> bookmarkText.run());
        browseBookmarkButton.setOnAction(e -> buckets.toggleBookmark(model.objects().bucketProperty().get()));
    }
}
