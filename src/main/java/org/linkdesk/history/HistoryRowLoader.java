package org.linkdesk.history;

import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryRepository;
import org.linkdesk.ui.tasks.TaskGroup;
import org.linkdesk.ui.tasks.TaskRunner;

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
    /** The current query's tasks (first page, count, pages): cancelled when another query replaces it. */
    private final TaskGroup current = new TaskGroup();

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
        current.cancelAll();
        HistoryRepository store = service.store();
        current.add(tasks.run(() -> store.page(q, clock.instant(), 0, PagedHistoryList.PAGE_SIZE, -1))
                .onSuccess(first -> {
            PagedHistoryList list = new PagedHistoryList(first, page -> loadPage(q, page));
            if (first.size() < PagedHistoryList.PAGE_SIZE) {
                rows.set(list.withSize(first.size()));
                countText.set(describeCount(first.size()));
                return;
            }
            rows.set(list);
            countText.set(first.size() + "+ links, counting…");
            current.add(tasks.run(() -> store.quickCount(q, clock.instant())).onSuccess(quick -> {
                long shown = Math.max(quick.value(), first.size());
                rows.set(rows.get().withSize(shown, quick.exact()));
                if (quick.exact()) {
                    countText.set(describeCount(shown));
                } else {
                    countText.set("≈ " + describeCount(shown) + ", counting…");
                    countExactly(q);
                }
            }).onError(onError).start());
        }).onError(onError).andFinally(onFirstPageDone).start());
    }

    /** Replaces an estimated count with the exact one, which may take seconds for a common search term. */
    private void countExactly(HistoryQuery q) {
        current.add(tasks.run(() -> service.store().count(q, clock.instant())).onSuccess(count -> {
            rows.set(rows.get().withSize(count));
            countText.set(describeCount(count));
        }).onError(onError).start());
    }

    private void loadPage(HistoryQuery q, int page) {
        PagedHistoryList asked = rows.get();
        long known = asked != null && asked.isSizeKnown() ? asked.size() : -1;
        long shift = asked == null ? 0 : asked.headSize();
        current.add(tasks.run(() -> service.store().page(q, clock.instant(),
                (long) page * PagedHistoryList.PAGE_SIZE + shift, PagedHistoryList.PAGE_SIZE, known))
                .onSuccess(loaded -> {
            PagedHistoryList shown = rows.get();
            if (shown != null) {
                shown.putPage(page, loaded);
                onRowsUpdated.run();
            }
        }).onError(e -> {
            PagedHistoryList shown = rows.get();
            if (shown != null) {
                shown.pageFailed(page);
            }
            onError.accept(e);
        }).start());
    }

    /** Shows {@code entry} in place of the row with its id, if that row is loaded. */
    void replace(HistoryEntry entry) {
        PagedHistoryList list = rows.get();
        if (list != null && list.replace(entry)) {
            onRowsUpdated.run();
        }
    }

    /** Puts rows another member just made on top (team mode), keeping what is selected; returns how many. */
    int prepend(java.util.List<HistoryEntry> newest) {
        PagedHistoryList list = rows.get();
        if (list == null) {
            return 0;
        }
        int added = list.prepend(newest);
        if (added > 0 && list.isSizeKnown()) {
            countText.set(describeCount(list.size()));
        }
        return added;
    }

    private static String describeCount(long n) {
        return String.format("%,d %s", n, n == 1 ? "link" : "links");
    }

    ReadOnlyObjectProperty<PagedHistoryList> rowsProperty() { return rows.getReadOnlyProperty(); }
    ReadOnlyStringProperty countTextProperty() { return countText.getReadOnlyProperty(); }
}
