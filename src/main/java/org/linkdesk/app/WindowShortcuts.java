package org.linkdesk.app;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.Shortcuts;

/**
 * The main window's keyboard shortcuts (active while unlocked): Ctrl/Cmd+1/2/3 tabs, Ctrl/Cmd+L lock, Ctrl/Cmd+F
 * the tab's search or filter, F5 refresh, Ctrl/Cmd+Enter generate, F1 this list. Row shortcuts (copy, delete…)
 * belong to the tables' own menus ({@link Shortcuts.Scope}).
 */
final class WindowShortcuts {
    static final String HELP = String.join("\n", List.of(
            line(Shortcuts.tab(1), "Make a link tab"),
            line(Shortcuts.tab(2), "Browse tab"),
            line(Shortcuts.tab(3), "History tab"),
            line(Shortcuts.GENERATE, "Generate the link (Make a link; Enter too)"),
            line(Shortcuts.COPY, "Copy the selected row's link (History, Browse, batch)"),
            line(Shortcuts.FIND, "Search (History) or filter (Browse)"),
            line(Shortcuts.REFRESH, "Refresh the tab"),
            line(Shortcuts.RENEW, "Renew the selected link (History)"),
            line(Shortcuts.EDIT, "Edit the selected link's details (History)"),
            line(Shortcuts.DELETE, "Delete the selected links from the history (asks first)"),
            line(Shortcuts.LOCK, "Lock Linkdesk"),
            line(Shortcuts.HELP, "This list"),
            "Esc          Close a dialog",
            "",
            "Mouse",
            "Right-click a row       Its actions (History, Browse rows, buckets)",
            "Double-click (History)  Edit the link's details",
            "Double-click (Browse)   Open a folder; on a file, make its link and copy it (Enter too)",
            "Right-click a bucket    Open, or copy its name"));

    private WindowShortcuts() {
    }

    private static String line(KeyCombination key, String what) {
        return String.format("%-12s %s", key.getDisplayText(), what);
    }

    /**
     * @param unlocked  whether the shortcuts may act (the tabs are hidden while locked)
     * @param generate  Ctrl+Enter on the Make a link tab
     * @param refresh   F5: refreshes the selected tab
     */
    static void install(Scene scene, TabPane tabs, BooleanSupplier unlocked, Button lock, Runnable generate,
                        Runnable refresh, Dialogs dialogs) {
        var keys = scene.getAccelerators();
        for (int i = 0; i < tabs.getTabs().size() && i < 9; i++) {
            Tab tab = tabs.getTabs().get(i);
            KeyCombination key = Shortcuts.tab(i + 1);
            keys.put(key, when(unlocked, () -> tabs.getSelectionModel().select(tab)));
            tab.setTooltip(new Tooltip(key.getDisplayText()));
        }
        keys.put(Shortcuts.LOCK, when(unlocked, lock::fire));
        lock.setTooltip(new Tooltip(Shortcuts.withKey("Lock Linkdesk", Shortcuts.LOCK)));
        keys.put(Shortcuts.GENERATE, when(unlocked, generate));
        keys.put(Shortcuts.REFRESH, when(unlocked, refresh));
        keys.put(Shortcuts.FIND, when(unlocked, () -> focusSearch(tabs.getSelectionModel().getSelectedItem())));
        keys.put(Shortcuts.HELP, () -> showHelp(dialogs));
    }

    static void showHelp(Dialogs dialogs) {
        dialogs.showText("Keyboard shortcuts", "Keys and mouse in Linkdesk", HELP);
    }

    private static Runnable when(BooleanSupplier unlocked, Runnable action) {
        return () -> {
            if (unlocked.getAsBoolean()) {
                action.run();
            }
        };
    }

    private static void focusSearch(Tab tab) {
        if (tab == null || tab.getContent() == null) {
            return;
        }
        for (String id : List.of("#historySearchField", "#browseFilterField", "#bucketField")) {
            Node field = tab.getContent().lookup(id);
            if (field != null && field.isVisible()) {
                field.requestFocus();
                return;
            }
        }
    }
}
