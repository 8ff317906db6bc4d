package org.linkdesk.history;

import org.linkdesk.ui.common.Shortcuts;
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
    private final java.util.function.Supplier<java.util.Optional<MenuItem>> copyAs;

    /** @param copyAs the "Copy as" submenu when there are formats to offer (none: no item) */
    HistorySelection(TableView<HistoryEntry> table, HistoryViewModel model,
                     java.util.function.Supplier<java.util.Optional<MenuItem>> copyAs) {
        this.table = table;
        this.model = model;
        this.copyAs = copyAs;
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

    /**
     * Double-clicking a row edits its details; right-clicking offers the actions on the selection. The shortcuts
     * shown in the menu work while the table has the focus: Ctrl/Cmd+C copies, Ctrl/Cmd+R renews, Ctrl/Cmd+E edits,
     * Delete deletes (after asking).
     */
    void addRowActions() {
        table.setRowFactory(t -> {
            var row = new TableRow<HistoryEntry>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    model.askEdit(row.getItem());
                }
            });
            return row;
        });
        contextMenu();
    }

    private void contextMenu() {
        Shortcuts.Scope scope = new Shortcuts.Scope(table);
        MenuItem copy = scope.item("Copy link", "historyMenuCopy", Shortcuts.COPY, () -> model.copy(selected()));
        MenuItem renew = scope.item("Renew…", "historyMenuRenew", Shortcuts.RENEW, () -> model.askRenew(selected()));
        MenuItem edit = scope.item("Edit details…", "historyMenuEdit", Shortcuts.EDIT,
                () -> model.askEdit(selected()));
        MenuItem revoke = scope.item("How to revoke…", "historyMenuRevoke", null,
                () -> model.showRevokeAdvice(selected()));
        MenuItem recheck = scope.item("Re-check", "historyMenuRecheck", null, () -> model.recheck(loadedEntries()));
        MenuItem delete = scope.item("Delete…", "historyMenuDelete", Shortcuts.DELETE,
                () -> model.askDelete(loadedEntries()));
        List<MenuItem> items = new ArrayList<>(List.of(copy));
        copyAs.get().ifPresent(items::add);
        items.addAll(List.of(renew, edit, revoke, new SeparatorMenuItem(), recheck, delete));
        ContextMenu menu = new ContextMenu(items.toArray(MenuItem[]::new));
        menu.setOnShowing(e -> {
            boolean none = selected() == null;
            for (MenuItem item : items) {
                item.setDisable(none);
            }
        });
        scope.install(menu);
    }
}
