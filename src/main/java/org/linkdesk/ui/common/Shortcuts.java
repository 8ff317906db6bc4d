package org.linkdesk.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The app's keyboard shortcuts ({@code Shortcut} is Ctrl, or Cmd on macOS), listed once so menus, tooltips and the
 * "Keyboard shortcuts" dialog agree.
 */
public final class Shortcuts {
    public static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination GENERATE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination RENEW = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination EDIT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);
    public static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);

    private Shortcuts() {
    }

    /** Ctrl/Cmd + digit: the n-th tab. */
    public static KeyCombination tab(int n) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.SHORTCUT_DOWN);
    }

    /** "Copy link (Ctrl+C)" for a tooltip, in the platform's own words. */
    public static String withKey(String text, KeyCombination key) {
        return text + " (" + key.getDisplayText() + ")";
    }

    /**
     * A context menu for {@code owner} (a table or list) whose items' shortcuts act while the owner has the focus.
     * The menu is shown on request rather than set with {@code setContextMenu}: JavaFX would put a control's
     * context-menu accelerators on the whole scene, one action per key, and every tab shares the scene, so Ctrl+C
     * in Browse would copy History's link. Items keep their accelerator so the menu shows the key.
     */
    public static final class Scope {
        private final Control owner;
        private final List<MenuItem> keyed = new ArrayList<>();
        private final Map<MenuItem, Runnable> actions = new HashMap<>();

        public Scope(Control owner) {
            this.owner = owner;
            owner.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                for (MenuItem item : keyed) {
                    if (item.getAccelerator().match(e)) {
                        e.consume();
                        actions.get(item).run();
                        return;
                    }
                }
            });
        }

        public MenuItem item(String text, String id, KeyCombination key, Runnable action) {
            MenuItem item = new MenuItem(text);
            item.setId(id);
            item.setOnAction(e -> action.run());
            if (key != null) {
                item.setAccelerator(key);
                keyed.add(item);
                actions.put(item, action);
            }
            return item;
        }

        /** Shows {@code menu} on right-click or the menu key, next to the owner. */
        public void install(ContextMenu menu) {
            owner.setOnContextMenuRequested(e -> {
                menu.show(owner, e.getScreenX(), e.getScreenY());
                e.consume();
            });
        }
    }
}
