package org.linkdesk.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.TransferMode;
import org.linkdesk.browse.BrowseViewModel;
import org.linkdesk.links.LinkFormViewModel;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.upload.UploadQueueView;
import org.linkdesk.upload.UploadQueueViewModel;

/**
 * Joins the upload queue to the main window: the "Uploads" tab, files dropped anywhere on the window (to the folder
 * shown in Browse, or else to the bucket and folder of the link form), and the Browse folder's "Upload" menu.
 */
final class UploadsPanel {
    private final UploadQueueViewModel queue;
    private final BrowseViewModel browse;
    private final LinkFormViewModel form;
    private final BooleanSupplier browseShown;
    private final Consumer<String> status;
    private final Tab tab = new Tab("Uploads");

    UploadsPanel(UploadQueueViewModel queue, BrowseViewModel browse, LinkFormViewModel form,
                 BooleanSupplier browseShown, Consumer<String> status) {
        this.queue = queue;
        this.browse = browse;
        this.form = form;
        this.browseShown = browseShown;
        this.status = status;
        tab.setClosable(false);
        tab.setId("uploadsTab");
        tab.setContent(new UploadQueueView(queue, (q, files) -> add(files)).root());
    }

    Tab tab() {
        return tab;
    }

    /** Accepts files and folders dropped anywhere on {@code root}. */
    void acceptDrops(Node root) {
        root.addEventHandler(javafx.scene.input.DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        root.addEventHandler(javafx.scene.input.DragEvent.DRAG_DROPPED, e -> {
            if (e.getDragboard().hasFiles() && !e.isDropCompleted()) {
                add(e.getDragboard().getFiles());
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    /** The Browse folder's upload actions. */
    List<MenuItem> browseActions(Dialogs dialogs,
                                 java.util.function.BiConsumer<String, UploadQueueViewModel> showUnfinished,
                                 java.util.function.BiConsumer<String, String> uploadLink) {
        MenuItem upload = new MenuItem("Upload files…");
        upload.setOnAction(e -> {
            String bucket = browse.objects().bucketProperty().get();
            if (bucket == null || bucket.isEmpty()) {
                status.accept("Open a bucket first, then upload to the folder shown.");
                return;
            }
            List<Path> files = dialogs.chooseFilesToOpen("Upload to " + bucket + "/"
                    + browse.objects().prefixProperty().get());
            if (!files.isEmpty()) {
                upload(files, bucket, browse.objects().prefixProperty().get());
            }
        });
        MenuItem unfinished = new MenuItem("Unfinished uploads…");
        unfinished.setOnAction(e -> withBucket(b -> showUnfinished.accept(b, queue)));
        MenuItem forSomeone = new MenuItem("Upload link for someone…");
        forSomeone.setOnAction(e -> withBucket(b -> uploadLink.accept(b, browse.objects().prefixProperty().get())));
        return List.of(upload, unfinished, forSomeone);
    }

    private void withBucket(Consumer<String> action) {
        String bucket = browse.objects().bucketProperty().get();
        if (bucket == null || bucket.isEmpty()) {
            status.accept("Open a bucket first.");
        } else {
            action.accept(bucket);
        }
    }

    /** Queues {@code files} for the folder the user is looking at. */
    void add(List<File> files) {
        List<Path> paths = files.stream().map(File::toPath).toList();
        String bucket = browse.objects().bucketProperty().get();
        if (browseShown.getAsBoolean() && bucket != null && !bucket.isEmpty()) {
            upload(paths, bucket, browse.objects().prefixProperty().get());
            return;
        }
        String formBucket = form.bucketProperty().get() == null ? "" : form.bucketProperty().get().strip();
        if (formBucket.isEmpty()) {
            status.accept("Open a folder in Browse or type a bucket in the link form, then drop the files again.");
            return;
        }
        String key = form.keyProperty().get() == null ? "" : form.keyProperty().get();
        upload(paths, formBucket, key.substring(0, key.lastIndexOf('/') + 1));
    }

    /** Queues files dropped on a Browse folder (or on the folder table) for {@code bucket}/{@code prefix}. */
    void uploadTo(List<File> files, String bucket, String prefix) {
        upload(files.stream().map(File::toPath).toList(), bucket, prefix);
    }

    private void upload(List<Path> files, String bucket, String prefix) {
        // The link expiry follows the link form's preset; custom and until-a-date keep the queue's own (1 day).
        var preset = form.presetProperty().get();
        if (preset != null && preset.duration() != null) {
            queue.setLinkExpiry(preset.duration());
        }
        queue.add(files, bucket, prefix == null ? "" : prefix);
        tab.getTabPane().getSelectionModel().select(tab);
        status.accept("Uploading " + files.size() + (files.size() == 1 ? " item" : " items") + " to " + bucket
                + "/" + (prefix == null ? "" : prefix));
    }
}
