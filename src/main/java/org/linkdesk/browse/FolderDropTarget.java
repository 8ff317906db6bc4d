package org.linkdesk.browse;

import java.io.File;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Files dropped on the folder table: on a folder's row they go into that folder, anywhere else in the table into the
 * folder shown. While files are dragged over, the folder row under the pointer (or else the whole table) is marked
 * {@code :drop-target}. Only COPY is accepted: a file manager deletes the original after a MOVE. The drop is
 * consumed here, so the window's own drop handler does not queue the files again; with no bucket open the drag is
 * left to the window, which refuses it and says what to do.
 */
final class FolderDropTarget {
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final TableView<BrowserEntry> table;
    private Node marked;

    private FolderDropTarget(TableView<BrowserEntry> table) {
        this.table = table;
    }

    static void install(TableView<BrowserEntry> table, ObjectListModel objects, BrowseView.FilesDropped handler) {
        FolderDropTarget target = new FolderDropTarget(table);
        table.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && bucket(objects) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                // Not consumed: the window sees the drag is taken and clears its own hint.
                target.mark(e.getPickResult().getIntersectedNode());
            } else {
                target.unmark();
            }
        });
        table.addEventHandler(DragEvent.DRAG_EXITED, e -> target.unmark());
        table.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            // A drop ends the gesture without a DRAG_EXITED: the mark goes here.
            target.unmark();
            String bucket = bucket(objects);
            if (!e.getDragboard().hasFiles() || bucket == null) {
                return;
            }
            List<File> files = e.getDragboard().getFiles();
            handler.upload(files, bucket,
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

    private void mark(Node picked) {
        TableRow<?> row = rowUnder(picked);
        Node now = row != null && !row.isEmpty() && row.getItem() instanceof BrowserEntry entry && entry.folder()
                ? row : table;
        if (now != marked) {
            unmark();
            now.pseudoClassStateChanged(DROP_TARGET, true);
            marked = now;
        }
    }

    private void unmark() {
        if (marked != null) {
            marked.pseudoClassStateChanged(DROP_TARGET, false);
            marked = null;
        }
    }

    private static BrowserEntry entryUnder(Node node) {
        TableRow<?> row = rowUnder(node);
        return row == null || row.isEmpty() || !(row.getItem() instanceof BrowserEntry entry) ? null : entry;
    }

    private static TableRow<?> rowUnder(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableRow<?> row) {
                return row;
            }
        }
        return null;
    }

    private static String bucket(ObjectListModel objects) {
        String bucket = objects.bucketProperty().get();
        return bucket == null || bucket.isEmpty() ? null : bucket;
    }
}
