package org.linkdesk.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.core.s3.ListObjectsRequest;
import org.linkdesk.core.s3.ObjectListing;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.ui.tasks.TaskHandle;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/**
 * The folder being browsed: pages of ListObjectsV2 fetched lazily with continuation tokens. Everything loaded is
 * kept in {@code all}; {@link #rows()} is what the table shows, filtered and in the chosen order. A new page is
 * filtered and sorted on its own and appended (or, when it sorts among earlier rows, merged) in one change, so the
 * FX thread's cost per page does not grow with the folder. (JavaFX's FilteredList and SortedList update per added
 * element, which took 50–300 ms per page at 100 000 rows.) Re-sorting or re-filtering everything runs on a worker.
 * Only one page is in flight at a time; opening another folder, Refresh or Cancel make a page in flight be ignored.
 */
public final class ObjectListModel {
    /** With a filter, keep fetching until this many rows match (or the folder ends). */
    static final int FILTER_FILL = 200;

    private final Supplier<S3Http> s3;
    private final TaskRunner tasks;
    private final Supplier<BrowseTarget> target;
    /** Folders first, then by name: the order the server's pages mostly arrive in. */
    public static final Comparator<BrowserEntry> DEFAULT_ORDER =
            BrowserEntry.FOLDERS_FIRST.thenComparing(BrowserEntry::name);

    private final List<BrowserEntry> all = new ArrayList<>();
    private final ObservableList<BrowserEntry> rows = FXCollections.observableArrayList();
    private Comparator<BrowserEntry> order = DEFAULT_ORDER;
    private Predicate<BrowserEntry> predicate = e -> true;
    private TaskHandle viewTask = TaskHandle.DONE;
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper bucket = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prefix = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    /** The page being fetched: cancelled when the folder changes, so a late page never lands in another one. */
    private TaskHandle fetching = TaskHandle.DONE;
    private ListObjectsRequest nextRequest;
    private boolean wantAll;
    private int objectCount;
    private int folderCount;

    /** @param target the profile's endpoint and credentials, read on a worker thread */
    public ObjectListModel(Supplier<S3Http> s3, TaskRunner tasks, Supplier<BrowseTarget> target) {
        this.s3 = s3;
        this.tasks = tasks;
        this.target = target;
        filter.addListener((o, was, now) -> applyFilter());
    }

    /** Shows the first page of {@code folderPrefix} in {@code bucketName}. */
    public void open(String bucketName, String folderPrefix) {
        fetching.discard();
        bucket.set(bucketName);
        prefix.set(folderPrefix == null ? "" : folderPrefix);
        all.clear();
        rows.clear();
        objectCount = 0;
        folderCount = 0;
        wantAll = false;
        nextRequest = ListObjectsRequest.folder(bucketName, prefix.get());
        complete.set(false);
        fetch();
    }

    /** Lists the current folder again from its first page. */
    public void refresh() {
        if (!bucket.get().isEmpty()) {
            open(bucket.get(), prefix.get());
        }
    }

    /** Fetches the next page unless one is on its way or the folder is fully listed. */
    public void loadMore() {
        if (!loading.get() && nextRequest != null) {
            fetch();
        }
    }

    /** Keeps fetching pages until the folder is fully listed (for sorting all of it), or Cancel. */
    public void loadAll() {
        wantAll = true;
        loadMore();
    }

    /** Stops fetching; what is loaded stays, and Load more / scrolling continue from there. */
    public void cancel() {
        if (loading.get()) {
            fetching.discard();
            loading.set(false);
            wantAll = false;
            showStatus(false);
        }
    }

    /** Forgets the folder (when the profile changes). */
    public void clear() {
        fetching.discard();
        all.clear();
        rows.clear();
        bucket.set("");
        prefix.set("");
        nextRequest = null;
        loading.set(false);
        complete.set(true);
        status.set("");
    }

    private void fetch() {
        ListObjectsRequest request = nextRequest;
        loading.set(true);
        statusIsError.set(false);
        status.set(objectCount + folderCount == 0 ? "Listing " + where() + "…"
                : "Loading more… " + counts() + " so far");
        fetching = tasks.run(() -> {
            BrowseTarget t = target.get();
            return s3.get().listObjects(t.endpoint(), t.credentials(), request);
        }).onSuccess(page -> accept(page, request)).onError(error -> {
            loading.set(false);
            wantAll = false;
            statusIsError.set(true);
            status.set(UserMessages.describe(error));
        }).start();
    }

    private void accept(ObjectListing page, ListObjectsRequest request) {
        List<BrowserEntry> arrived = new ArrayList<>(page.commonPrefixes().size() + page.objects().size());
        String parent = prefix.get();
        page.commonPrefixes().forEach(p -> arrived.add(BrowserEntry.folder(p, parent)));
        // A "folder marker" object whose key is the prefix itself is not a file in it.
        page.objects().stream().filter(o -> !o.key().equals(parent))
                .forEach(o -> arrived.add(BrowserEntry.object(o, parent)));
        folderCount += page.commonPrefixes().size();
        objectCount += arrived.size() - page.commonPrefixes().size();
        all.addAll(arrived);
        List<BrowserEntry> fresh = new ArrayList<>(arrived.size());
        for (BrowserEntry e : arrived) {
            if (predicate.test(e)) {
                fresh.add(e);
            }
        }
        fresh.sort(order);
        addSorted(fresh);
        nextRequest = page.isTruncated() ? request.next(page) : null;
        complete.set(nextRequest == null);
        loading.set(false);
        showStatus(false);
        if (nextRequest != null && (wantAll || needsMoreForFilter())) {
            fetch();
        }
    }

    /** Appends sorted {@code fresh} rows, or merges them in when they sort among the rows already shown. */
    private void addSorted(List<BrowserEntry> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        if (rows.isEmpty() || order.compare(rows.get(rows.size() - 1), fresh.get(0)) <= 0) {
            rows.addAll(fresh);
            return;
        }
        List<BrowserEntry> merged = new ArrayList<>(rows.size() + fresh.size());
        int i = 0;
        int j = 0;
        while (i < rows.size() || j < fresh.size()) {
            if (j == fresh.size() || i < rows.size() && order.compare(rows.get(i), fresh.get(j)) <= 0) {
                merged.add(rows.get(i++));
            } else {
                merged.add(fresh.get(j++));
            }
        }
        rows.setAll(merged);
    }

    /** Shows the rows in {@code newOrder} (null: the default order), re-sorting on a worker. */
    public void setOrder(Comparator<BrowserEntry> newOrder) {
        order = newOrder == null ? DEFAULT_ORDER : newOrder;
        rebuildRows();
    }

    private void rebuildRows() {
        viewTask.discard();
        List<BrowserEntry> snapshot = new ArrayList<>(all);
        Predicate<BrowserEntry> p = predicate;
        Comparator<BrowserEntry> o = order;
        int loaded = all.size();
        viewTask = tasks.runWithContext(context -> {
            List<BrowserEntry> out = new ArrayList<>();
            for (BrowserEntry e : snapshot) {
                context.throwIfCancelled();
                if (p.test(e)) {
                    out.add(e);
                }
            }
            out.sort(o);
            return out;
        }).onSuccess(out -> {
            // Pages that arrived meanwhile were added to the old view: add them here too.
            List<BrowserEntry> later = new ArrayList<>();
            for (int i = loaded; i < all.size(); i++) {
                if (p.test(all.get(i))) {
                    later.add(all.get(i));
                }
            }
            rows.setAll(out);
            later.sort(o);
            addSorted(later);
            showStatus(false);
            if (needsMoreForFilter()) {
                loadMore();
            }
        }).onError(e -> showStatus(true)).start();
    }

    private boolean needsMoreForFilter() {
        return !filter.get().isBlank() && rows.size() < FILTER_FILL;
    }

    private void applyFilter() {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        predicate = needle.isEmpty() ? e -> true : e -> e.name().toLowerCase(Locale.ROOT).contains(needle);
        rebuildRows();
    }

    private void showStatus(boolean error) {
        statusIsError.set(error);
        String shown = filter.get().isBlank() ? "" : String.format(Locale.ROOT, "%,d match · ", rows.size());
        String more = complete.get() ? "" : loading.get() ? " · loading more…" : " · more on the server (scroll or Load all)";
        status.set(shown + counts() + more);
    }

    private String counts() {
        return String.format(Locale.ROOT, "%,d %s, %,d %s", folderCount, folderCount == 1 ? "folder" : "folders",
                objectCount, objectCount == 1 ? "object" : "objects");
    }

    private String where() {
        return prefix.get().isEmpty() ? bucket.get() : bucket.get() + "/" + prefix.get();
    }

    /** Every entry loaded so far, in arrival order (FX thread only). */
    public List<BrowserEntry> entries() { return java.util.Collections.unmodifiableList(all); }
    /** What the table shows: the loaded entries that pass the filter, in the chosen order. */
    public ObservableList<BrowserEntry> rows() { return rows; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyStringProperty bucketProperty() { return bucket.getReadOnlyProperty(); }
    public ReadOnlyStringProperty prefixProperty() { return prefix.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty completeProperty() { return complete.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty statusIsErrorProperty() { return statusIsError.getReadOnlyProperty(); }
}
