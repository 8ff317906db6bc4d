package org.linkdesk.browse;

import java.io.File;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Files dropped on the folder table: on a folder's row they go into that folder, anywhere else in the table into the
 * folder shown. The drop is consumed here, so the window's own drop handler does not queue the files again.
 */
final class FolderDropTarget {
    private FolderDropTarget() {
    }

    static void install(TableView<BrowserEntry> table, ObjectListModel objects, BrowseView.FilesDropped handler) {
        table.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && bucket(objects) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        table.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            String bucket = bucket(objects);
            if (!e.getDragboard().hasFiles() || bucket == null) {
                return;
            }
            handler.upload(e.getDragboard().getFiles(), bucket,
                    prefixFor(entryUnder(e.getPickResult().getIntersectedNode()), objects.prefixProperty().get()));
            e.setDropCompleted(true);
            e.consume();
        });
    }

    /** The folder the files go to: the dropped-on folder row's key, else the folder shown. */
    static String prefixFor(BrowserEntry under, String shownPrefix) {
        if (under != null && under.folder()) {
            return under.key();
        }
        return shownPrefix == null ? "" : shownPrefix;
    }

    private static BrowserEntry entryUnder(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableRow<?> row) {
                return row.isEmpty() || !(row.getItem() instanceof BrowserEntry entry) ? null : entry;
            }
        }
        return null;
    }

    private static String bucket(ObjectListModel objects) {
        String bucket = objects.bucketProperty().get();
        return bucket == null || bucket.isEmpty() ? null : bucket;
    }
}
