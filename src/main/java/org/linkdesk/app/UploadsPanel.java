package org.linkdesk.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import org.linkdesk.browse.BrowseViewModel;
import org.linkdesk.links.LinkFormViewModel;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.upload.UploadQueueView;
import org.linkdesk.upload.UploadQueueViewModel;

/**
 * Joins the upload queue to the main window: the "Uploads" tab, files dropped anywhere on the window, and the Browse
 * folder's "Upload" menu. Dropped files go to the folder open in Browse while Browse is shown; on the link form, to
 * the form's bucket and folder (else Browse's); on the other tabs, to Browse's folder (else the form's). With no
 * such place the drag is refused and the status bar says what to do. While files are dragged over, the status bar
 * says where they would go.
 */
final class UploadsPanel {
    /** A bucket and folder files can be dropped into. */
    private record Place(String bucket, String prefix) {
        String shown() {
            return bucket + "/" + prefix;
        }
    }

    private final UploadQueueViewModel queue;
    private final BrowseViewModel browse;
    private final LinkFormViewModel form;
    private final BooleanSupplier browseShown;
    private final BooleanSupplier linkFormShown;
    private final StringProperty status;
    private final Tab tab = new Tab("Uploads");
    private String statusBeforeHint;
    private String hint;

    UploadsPanel(UploadQueueViewModel queue, BrowseViewModel browse, LinkFormViewModel form,
                 BooleanSupplier browseShown, BooleanSupplier linkFormShown, StringProperty status) {
        this.queue = queue;
        this.browse = browse;
        this.form = form;
        this.browseShown = browseShown;
        this.linkFormShown = linkFormShown;
        this.status = status;
        tab.setClosable(false);
        tab.setId("uploadsTab");
        tab.setContent(new UploadQueueView(queue).root());
    }

    Tab tab() {
        return tab;
    }

    /**
     * Accepts files and folders dropped anywhere on {@code root} while {@code unlocked}. Only COPY is accepted: a
     * file manager deletes the original after a MOVE. A drop an inner target (a Browse folder row) took is left alone.
     */
    void acceptDrops(Node root, BooleanSupplier unlocked) {
        root.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (!e.getDragboard().hasFiles() || e.isAccepted()) {
                clearHint();
                return;
            }
            if (!unlocked.getAsBoolean()) {
                showHint("Unlock Linkdesk first, then drop the files again.");
                return;
            }
            Place place = place();
            if (place == null) {
                showHint(noPlace());
                return;
            }
            e.acceptTransferModes(TransferMode.COPY);
            showHint("Drop to upload to " + place.shown());
        });
        root.addEventHandler(DragEvent.DRAG_EXITED, e -> clearHint());
        root.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            clearHint();
            if (e.getDragboard().hasFiles() && !e.isDropCompleted() && unlocked.getAsBoolean()) {
                e.setDropCompleted(add(e.getDragboard().getFiles()));
                e.consume();
            }
        });
    }

    private void showHint(String text) {
        if (hint == null) {
            statusBeforeHint = status.get();
        }
        hint = text;
        status.set(text);
    }

    private void clearHint() {
        if (hint != null && hint.equals(status.get())) {
            status.set(statusBeforeHint);
        }
        hint = null;
    }

    /** The Browse folder's upload actions. */
    List<MenuItem> browseActions(Dialogs dialogs,
                                 java.util.function.BiConsumer<String, UploadQueueViewModel> showUnfinished,
                                 java.util.function.BiConsumer<String, String> uploadLink) {
        MenuItem upload = new MenuItem("Upload files…");
        upload.setOnAction(e -> {
            String bucket = browse.objects().bucketProperty().get();
            if (bucket == null || bucket.isEmpty()) {
                status.set("Open a bucket first, then upload to the folder shown.");
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
            status.set("Open a bucket first.");
        } else {
            action.accept(bucket);
        }
    }

    /** Queues {@code files} for the place dropped files go to now; false (and a message) when there is none. */
    boolean add(List<File> files) {
        Place place = place();
        if (place == null) {
            status.set(noPlace());
            return false;
        }
        upload(files.stream().map(File::toPath).toList(), place.bucket(), place.prefix());
        return true;
    }

    private Place place() {
        String bucket = browse.objects().bucketProperty().get();
        Place browsed = bucket == null || bucket.isEmpty() ? null
                : new Place(bucket, browse.objects().prefixProperty().get() == null ? ""
                        : browse.objects().prefixProperty().get());
        String formBucket = form.bucketProperty().get() == null ? "" : form.bucketProperty().get().strip();
        String key = form.keyProperty().get() == null ? "" : form.keyProperty().get();
        Place typed = formBucket.isEmpty() ? null : new Place(formBucket, key.substring(0, key.lastIndexOf('/') + 1));
        if (browseShown.getAsBoolean()) {
            return browsed;
        }
        if (linkFormShown.getAsBoolean()) {
            return typed != null ? typed : browsed;
        }
        return browsed != null ? browsed : typed;
    }

    private String noPlace() {
        return browseShown.getAsBoolean() ? "Open a bucket in Browse first, then drop the files on its folder list."
                : "Open a folder in Browse or type a bucket in the link form, then drop the files again.";
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
        status.set("Uploading " + files.size() + (files.size() == 1 ? " item" : " items") + " to " + bucket
                + "/" + (prefix == null ? "" : prefix));
    }
}
