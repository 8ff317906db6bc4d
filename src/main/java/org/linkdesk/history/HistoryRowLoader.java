package org.linkdesk.history;

import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryStore;
import org.linkdesk.ui.common.TaskRunner;

/**
 * Loads a query's rows into a {@link PagedHistoryList}: the first page at once, then the count (an estimate marked
 * "≈" first when the exact count of a search takes longer), then other pages as
 * the table asks for them. Answers that arrive after a newer query was loaded are dropped. Use on the FX thread.
 */
final class HistoryRowLoader {
    private final HistoryService service;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Consumer<Throwable> onError;
    private final ReadOnlyObjectWrapper<PagedHistoryList> rows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private Runnable onRowsUpdated = () -> { };
    private long generation;

    HistoryRowLoader(HistoryService service, TaskRunner tasks, Clock clock, Consumer<Throwable> onError) {
        this.service = service;
        this.tasks = tasks;
        this.clock = clock;
        this.onError = onError;
    }

    /** Called after rows changed in place (a page arrived, an entry was replaced). */
    void setOnRowsUpdated(Runnable action) {
        this.onRowsUpdated = action == null ? () -> { } : action;
    }

    /** Loads the query's first page, then its count; {@code onFirstPageDone} runs once the first page is in. */
    void load(HistoryQuery q, Runnable onFirstPageDone) {
        long gen = ++generation;
        HistoryStore store = service.store();
        tasks.run(() -> store.page(q, clock.instant(), 0, PagedHistoryList.PAGE_SIZE, -1), first -> {
            if (gen != generation) {
                return;
            }
            PagedHistoryList list = new PagedHistoryList(first, page -> loadPage(gen, q, page));
            if (first.size() < PagedHistoryList.PAGE_SIZE) {
                rows.set(list.withSize(first.size()));
                countText.set(describeCount(first.size()));
                return;
            }
            rows.set(list);
            countText.set(first.size() + "+ links, counting…");
            tasks.run(() -> store.quickCount(q, clock.instant()), quick -> {
                if (gen != generation) {
                    return;
                }
                long shown = Math.max(quick.value(), first.size());
                rows.set(rows.get().withSize(shown, quick.exact()));
                if (quick.exact()) {
                    countText.set(describeCount(shown));
                } else {
                    countText.set("≈ " + describeCount(shown) + ", counting…");
                    countExactly(gen, q);
                }
            }, onError, null);
        }, onError, onFirstPageDone);
    }

    /** Replaces an estimated count with the exact one, which may take seconds for a common search term. */
    private void countExactly(long gen, HistoryQuery q) {
        tasks.run(() -> service.store().count(q, clock.instant()), count -> {
            if (gen == generation) {
                rows.set(rows.get().withSize(count));
                countText.set(describeCount(count));
            }
        }, onError, null);
    }

    private void loadPage(long gen, HistoryQuery q, int page) {
        PagedHistoryList asked = rows.get();
        long known = asked != null && asked.isSizeKnown() ? asked.size() : -1;
        tasks.run(() -> service.store().page(q, clock.instant(), (long) page * PagedHistoryList.PAGE_SIZE,
                PagedHistoryList.PAGE_SIZE, known), loaded -> {
            PagedHistoryList shown = rows.get();
            if (gen == generation && shown != null) {
                shown.putPage(page, loaded);
                onRowsUpdated.run();
            }
        }, e -> {
            PagedHistoryList shown = rows.get();
            if (shown != null) {
                shown.pageFailed(page);
            }
            onError.accept(e);
        }, null);
    }

    /** Shows {@code entry} in place of the row with its id, if that row is loaded. */
    void replace(HistoryEntry entry) {
        PagedHistoryList list = rows.get();
        if (list != null && list.replace(entry)) {
            onRowsUpdated.run();
        }
    }

    private static String describeCount(long n) {
        return String.format("%,d %s", n, n == 1 ? "link" : "links");
    }

    ReadOnlyObjectProperty<PagedHistoryList> rowsProperty() { return rows.getReadOnlyProperty(); }
    ReadOnlyStringProperty countTextProperty() { return countText.getReadOnlyProperty(); }
}
