package org.linkdesk.browse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.linkdesk.ui.common.Formats;

/** Binds the folder table of {@link BrowseView}: columns, sorting, selection, and what Enter and double-click do. */
final class FolderTableBinder {
    private final BrowseViewModel model;
    private final ZoneId zone;
    private final TableView<BrowserEntry> browseTable;
    private final TableColumn<BrowserEntry, BrowserEntry> browseNameColumn;
    private final TableColumn<BrowserEntry, Long> browseSizeColumn;
    private final TableColumn<BrowserEntry, Instant> browseModifiedColumn;
    private final TableColumn<BrowserEntry, String> browseClassColumn;

    FolderTableBinder(BrowseViewModel model, ZoneId zone, TableView<BrowserEntry> table,
                      TableColumn<BrowserEntry, BrowserEntry> nameColumn, TableColumn<BrowserEntry, Long> sizeColumn,
                      TableColumn<BrowserEntry, Instant> modifiedColumn, TableColumn<BrowserEntry, String> classColumn) {
        this.model = model;
        this.zone = zone;
        this.browseTable = table;
        this.browseNameColumn = nameColumn;
        this.browseSizeColumn = sizeColumn;
        this.browseModifiedColumn = modifiedColumn;
        this.browseClassColumn = classColumn;
    }

    void bind() {
        ObjectListModel objects = model.objects();
        // The model sorts (folders first, then by the clicked columns); the table only reports the order.
        browseTable.setSortPolicy(t -> {
            Comparator<BrowserEntry> byColumns = t.getComparator();
            objects.setOrder(t.getSortOrder().isEmpty() ? null : BrowserEntry.FOLDERS_FIRST.thenComparing(byColumns));
            return true;
        });
        browseTable.setItems(objects.rows());
        browseTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        browseTable.getSortOrder().addListener((ListChangeListener<TableColumn<BrowserEntry, ?>>) c -> {
            boolean byName = browseTable.getSortOrder().isEmpty() || browseTable.getSortOrder().get(0) == browseNameColumn;
            if (!byName && !objects.completeProperty().get()) {
                objects.loadAll();
            }
        });
        bindColumns();
        bindActivation();
        browseTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                model.details().show(objects.bucketProperty().get(), now));
    }

    private void bindColumns() {
        cells(zone, browseNameColumn, browseSizeColumn, browseModifiedColumn, browseClassColumn);
        // The name column takes whatever width the others leave (less a scroll bar's).
        browseNameColumn.prefWidthProperty().bind(browseTable.widthProperty().subtract(
                browseSizeColumn.widthProperty()).subtract(browseModifiedColumn.widthProperty())
                .subtract(browseClassColumn.widthProperty()).subtract(18));
    }

    /** What each column shows and how it compares; also used by {@link TableWarmUp}'s hidden copy. */
    static void cells(ZoneId zone, TableColumn<BrowserEntry, BrowserEntry> name, TableColumn<BrowserEntry, Long> size,
                      TableColumn<BrowserEntry, Instant> modified, TableColumn<BrowserEntry, String> storageClass) {
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setComparator(Comparator.comparing(BrowserEntry::name));
        name.setCellFactory(c -> new NameCell());
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        size.setCellFactory(c -> textCell(bytes -> bytes < 0 ? "" : Formats.size(bytes)));
        modified.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastModified()));
        modified.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        modified.setCellFactory(c -> textCell(t -> t == null ? "" : Formats.shortDateTime(t, zone)));
        storageClass.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().storageClass() == null ? "" : c.getValue().storageClass()));
    }

    /** Enter and double-click {@link #activate} a row; Backspace goes up a folder. */
    private void bindActivation() {
        browseTable.setRowFactory(t -> {
            TableRow<BrowserEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    activate(row.getItem());
                }
            });
            return row;
        });
        browseTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && browseTable.getSelectionModel().getSelectedItem() != null) {
                activate(browseTable.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                model.up();
                e.consume();
            }
        });
    }

    /** Double-click or Enter: into a folder, or a link for an object. */
    private void activate(BrowserEntry entry) {
        if (entry.folder()) {
            model.openFolder(entry.key());
        } else {
            model.details().show(model.objects().bucketProperty().get(), entry);
            model.details().makeLink();
        }
    }

    private static <T> TableCell<BrowserEntry, T> textCell(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : format.apply(value));
            }
        };
    }
}
