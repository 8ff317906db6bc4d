package org.linkdesk.history;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistorySort;

/**
 * Sets up the history table's columns: what each one shows and which {@link HistorySort} its header stands for.
 * Sorting is done by the database, so clicking a header changes the query instead of sorting the loaded rows.
 */
final class HistoryColumns {
    private final HistoryCells cells;
    private final Map<TableColumn<HistoryEntry, ?>, HistorySort> sorts = new HashMap<>();

    HistoryColumns(ZoneId zone, Supplier<Instant> now) {
        this.cells = new HistoryCells(zone, now);
    }

    /** The first column, which shows "…" for a row whose page is still loading. */
    HistoryColumns created(TableColumn<HistoryEntry, String> column) {
        return text(column, HistorySort.CREATED, "…", cells::created);
    }

    HistoryColumns profile(TableColumn<HistoryEntry, String> column) {
        return text(column, HistorySort.PROFILE, null,
                e -> e.share().profileName() == null ? HistoryQuery.ENVIRONMENT : e.share().profileName());
    }

    HistoryColumns bucket(TableColumn<HistoryEntry, String> column) {
        return text(column, HistorySort.BUCKET, null, e -> e.share().bucket());
    }

    HistoryColumns key(TableColumn<HistoryEntry, String> column) {
        column.setCellFactory(c -> HistoryCells.tooltipCell());
        return text(column, HistorySort.KEY, null, e -> e.share().key());
    }

    HistoryColumns method(TableColumn<HistoryEntry, String> column) {
        return text(column, HistorySort.METHOD, null, e -> e.share().method().name());
    }

    HistoryColumns expires(TableColumn<HistoryEntry, String> column) {
        return text(column, HistorySort.EXPIRES, null, cells::expires);
    }

    HistoryColumns status(TableColumn<HistoryEntry, HistoryEntry> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> cells.statusCell());
        sorts.put(column, HistorySort.STATUS);
        return this;
    }

    HistoryColumns note(TableColumn<HistoryEntry, String> column) {
        column.setCellFactory(c -> HistoryCells.tooltipCell());
        return text(column, HistorySort.NOTE, null, HistoryCells::noteAndRecipient);
    }

    HistoryColumns tags(TableColumn<HistoryEntry, String> column) {
        return text(column, HistorySort.TAGS, null, e -> e.details().tagsText());
    }

    /** Makes the table's sort order (newest first when it has none) set the sort of {@code query}. */
    void sortThrough(TableView<HistoryEntry> table, ObjectProperty<HistoryQuery> query) {
        table.setSortPolicy(t -> {
            HistoryQuery q = query.get();
            HistoryQuery sorted = t.getSortOrder().isEmpty() ? q.sortedBy(HistorySort.CREATED, true)
                    : q.sortedBy(sorts.get(t.getSortOrder().get(0)),
                    t.getSortOrder().get(0).getSortType() == TableColumn.SortType.DESCENDING);
            if (!sorted.equals(q)) {
                query.set(sorted);
            }
            return true;
        });
    }

    /** A text column; a row whose page is still loading (null) shows {@code loading}. */
    private HistoryColumns text(TableColumn<HistoryEntry, String> column, HistorySort sort, String loading,
                                Function<HistoryEntry, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? loading
                : value.apply(c.getValue())));
        sorts.put(column, sort);
        return this;
    }
}
