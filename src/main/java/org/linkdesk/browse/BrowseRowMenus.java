package org.linkdesk.browse;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.links.DownloadNames;
import org.linkdesk.ui.common.Shortcuts;

/**
 * Right-click menus of the Browse tab: on object rows (make and copy a link, open it in the link form to verify or
 * set more options, download under the file's own name, links for the selection) and on bucket rows. Ctrl/Cmd+C
 * on the table copies the selected object's link (making it first when needed).
 */
final class BrowseRowMenus {
    private BrowseRowMenus() {
    }

    static void install(TableView<BrowserEntry> table, BrowseViewModel model,
                        BiConsumer<String, List<ListedObject>> openBatch, BiConsumer<String, String> useInForm) {
        Shortcuts.Scope scope = new Shortcuts.Scope(table);
        ObjectDetailsModel details = model.details();
        MenuItem open = scope.item("Open folder", "browseMenuOpen", null, () -> {
            BrowserEntry e = table.getSelectionModel().getSelectedItem();
            if (e != null && e.folder()) {
                model.openFolder(e.key());
            }
        });
        MenuItem make = scope.item("Make link and copy", "browseMenuMakeLink", null, () -> {
            if (showSelectedFile(table, model)) {
                details.makeLink();
            }
        });
        MenuItem copy = scope.item("Copy link", "browseMenuCopy", Shortcuts.COPY, () -> {
            if (showSelectedFile(table, model)) {
                details.copyOrMake();
            }
        });
        MenuItem form = scope.item("Verify and more options in Make a link…", "browseMenuUseInForm", null, () -> {
            BrowserEntry e = table.getSelectionModel().getSelectedItem();
            if (e != null && !e.folder()) {
                useInForm.accept(model.objects().bucketProperty().get(), e.key());
            }
        });
        MenuItem name = scope.item("Download as the file's own name", "browseMenuDownloadName", null, () -> {
            BrowserEntry e = table.getSelectionModel().getSelectedItem();
            if (showSelectedFile(table, model)) {
                details.downloadNameProperty().set(DownloadNames.fileName(e.key()));
            }
        });
        MenuItem batch = scope.item("Links for the selection…", "browseMenuBatch", null, () -> {
            List<ListedObject> files = table.getSelectionModel().getSelectedItems().stream()
                    .filter(e -> e != null && !e.folder()).map(BrowserEntry::toListedObject).toList();
            if (!files.isEmpty()) {
                openBatch.accept(model.objects().bucketProperty().get(), files);
            }
        });
        ContextMenu menu = new ContextMenu(open, make, copy, form, name, new SeparatorMenuItem(), batch);
        menu.setOnShowing(e -> {
            var selected = table.getSelectionModel().getSelectedItems();
            BrowserEntry one = table.getSelectionModel().getSelectedItem();
            boolean file = one != null && !one.folder();
            open.setDisable(one == null || !one.folder());
            for (MenuItem item : List.of(make, copy, form, name)) {
                item.setDisable(!file);
            }
            batch.setDisable(selected.stream().noneMatch(x -> x != null && !x.folder()));
        });
        scope.install(menu);
    }

    private static boolean showSelectedFile(TableView<BrowserEntry> table, BrowseViewModel model) {
        BrowserEntry e = table.getSelectionModel().getSelectedItem();
        if (e == null || e.folder()) {
            return false;
        }
        if (model.details().entryProperty().get() != e) {
            model.details().show(model.objects().bucketProperty().get(), e);
        }
        return true;
    }

    static void installOnBuckets(ListView<BucketEntry> list, BrowseViewModel model) {
        Shortcuts.Scope scope = new Shortcuts.Scope(list);
        MenuItem open = scope.item("Open", "bucketMenuOpen", null, () -> {
            BucketEntry b = list.getSelectionModel().getSelectedItem();
            if (b != null) {
                model.openBucket(b.name());
            }
        });
        MenuItem bookmark = scope.item("Bookmark", "bucketMenuBookmark", null, () -> {
            BucketEntry b = list.getSelectionModel().getSelectedItem();
            if (b != null) {
                model.buckets().toggleBookmark(b.name());
            }
        });
        MenuItem copy = scope.item("Copy name", "bucketMenuCopy", Shortcuts.COPY, () -> {
            BucketEntry b = list.getSelectionModel().getSelectedItem();
            if (b != null) {
                model.copyBucketName(b.name());
            }
        });
        ContextMenu menu = new ContextMenu(open, bookmark, copy);
        menu.setOnShowing(e -> {
            BucketEntry b = list.getSelectionModel().getSelectedItem();
            for (MenuItem item : List.of(open, bookmark, copy)) {
                item.setDisable(b == null);
            }
            bookmark.setText(b != null && b.bookmarked() ? "Remove bookmark" : "Bookmark");
        });
        scope.install(menu);
    }
}
