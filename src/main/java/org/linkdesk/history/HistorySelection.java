package org.linkdesk.history;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.linkdesk.store.HistoryEntry;

/** What is selected in the history table, and the double-click and right-click actions on it. */
final class HistorySelection {
    private final TableView<HistoryEntry> table;
    private final HistoryViewModel model;

    HistorySelection(TableView<HistoryEntry> table, HistoryViewModel model) {
        this.table = table;
        this.model = model;
    }

    /** The row last selected, or null. */
    HistoryEntry selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    /** The selected rows that are loaded (rows of a wide selection not yet scrolled to are not known). */
    List<HistoryEntry> loadedEntries() {
        List<HistoryEntry> entries = new ArrayList<>();
        PagedHistoryList rows = model.rowsProperty().get();
        if (rows == null) {
            return entries;
        }
        for (Integer index : table.getSelectionModel().getSelectedIndices()) {
            HistoryEntry e = rows.peek(index);
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    /** Double-clicking a row edits its details; right-clicking offers the actions on the selection. */
    void addRowActions(HistoryDialogs dialogs) {
        table.setRowFactory(t -> {
            var row = new TableRow<HistoryEntry>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    dialogs.edit(row.getItem());
                }
            });
            return row;
        });
        table.setContextMenu(contextMenu(dialogs));
    }

    private ContextMenu contextMenu(HistoryDialogs dialogs) {
        MenuItem copy = new MenuItem("Copy link");
        copy.setOnAction(e -> model.copy(selected()));
        MenuItem renew = new MenuItem("Renew…");
        renew.setOnAction(e -> dialogs.renew(selected()));
        MenuItem edit = new MenuItem("Edit details…");
        edit.setOnAction(e -> dialogs.edit(selected()));
        MenuItem revoke = new MenuItem("How to revoke…");
        revoke.setOnAction(e -> dialogs.revoke(selected()));
        MenuItem recheck = new MenuItem("Re-check");
        recheck.setOnAction(e -> model.recheck(loadedEntries()));
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> dialogs.delete(loadedEntries()));
        return new ContextMenu(copy, renew, edit, revoke, new SeparatorMenuItem(), recheck, delete);
    }
}
