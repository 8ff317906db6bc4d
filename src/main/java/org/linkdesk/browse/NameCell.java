package org.linkdesk.browse;

import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;

/** The name with a folder or file mark (two fixed icons, swapped: no style change, so no CSS pass per row). */
final class NameCell extends TableCell<BrowserEntry, BrowserEntry> {
    private final Region folderIcon = icon("folder-icon");
    private final Region fileIcon = icon("file-icon");

    private static Region icon(String kind) {
        Region r = new Region();
        r.getStyleClass().addAll("entry-icon", kind);
        return r;
    }

    @Override
    protected void updateItem(BrowserEntry e, boolean empty) {
        super.updateItem(e, empty);
        if (empty || e == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(e.name());
        setGraphic(e.folder() ? folderIcon : fileIcon);
    }
}
