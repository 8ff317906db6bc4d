package org.linkdesk.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.linkdesk.core.s3.ListObjectsRequest;
import org.linkdesk.core.s3.ObjectListing;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.ui.common.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/**
 * The folder being browsed: pages of ListObjectsV2 fetched lazily with continuation tokens and appended to one
 * list the table shows through a filter. Only one page is in flight at a time; opening another folder, Refresh or
 * Cancel make any page still in flight be ignored.
 */
public final class ObjectListModel {
    /** With a filter, keep fetching until this many rows match (or the folder ends). */
    static final int FILTER_FILL = 200;

    private final S3Http s3;
    private final TaskRunner tasks;
    private final Supplier<BrowseTarget> target;
    private final ObservableList<BrowserEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<BrowserEntry> filtered = new FilteredList<>(entries);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper bucket = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prefix = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private long generation;
    private ListObjectsRequest nextRequest;
    private boolean wantAll;
    private int objectCount;
    private int folderCount;

    /** @param target the profile's endpoint and credentials, read on a worker thread */
    public ObjectListModel(S3Http s3, TaskRunner tasks, Supplier<BrowseTarget> target) {
        this.s3 = s3;
        this.tasks = tasks;
        this.target = target;
        filter.addListener((o, was, now) -> applyFilter());
    }

    /** Shows the first page of {@code folderPrefix} in {@code bucketName}. */
    public void open(String bucketName, String folderPrefix) {
        generation++;
        bucket.set(bucketName);
        prefix.set(folderPrefix == null ? "" : folderPrefix);
        entries.clear();
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
            generation++;
            loading.set(false);
            wantAll = false;
            showStatus(false);
        }
    }

    /** Forgets the folder (when the profile changes). */
    public void clear() {
        generation++;
        entries.clear();
        bucket.set("");
        prefix.set("");
        nextRequest = null;
        loading.set(false);
        complete.set(true);
        status.set("");
    }

    private void fetch() {
        long ticket = generation;
        ListObjectsRequest request = nextRequest;
        loading.set(true);
        statusIsError.set(false);
        status.set(objectCount + folderCount == 0 ? "Listing " + where() + "…"
                : "Loading more… " + counts() + " so far");
        tasks.run(() -> {
            BrowseTarget t = target.get();
            return s3.listObjects(t.endpoint(), t.credentials(), request);
        }, page -> {
            if (ticket == generation) {
                accept(page, request);
            }
        }, error -> {
            if (ticket == generation) {
                loading.set(false);
                wantAll = false;
                statusIsError.set(true);
                status.set(UserMessages.describe(error));
            }
        }, null);
    }

    private void accept(ObjectListing page, ListObjectsRequest request) {
        List<BrowserEntry> rows = new ArrayList<>(page.commonPrefixes().size() + page.objects().size());
        String parent = prefix.get();
        page.commonPrefixes().forEach(p -> rows.add(BrowserEntry.folder(p, parent)));
        // A "folder marker" object whose key is the prefix itself is not a file in it.
        page.objects().stream().filter(o -> !o.key().equals(parent))
                .forEach(o -> rows.add(BrowserEntry.object(o, parent)));
        folderCount += page.commonPrefixes().size();
        objectCount += (int) rows.stream().filter(r -> !r.folder()).count();
        entries.addAll(rows);
        nextRequest = page.isTruncated() ? request.next(page) : null;
        complete.set(nextRequest == null);
        loading.set(false);
        showStatus(false);
        if (nextRequest != null && (wantAll || needsMoreForFilter())) {
            fetch();
        }
    }

    private boolean needsMoreForFilter() {
        return !filter.get().isBlank() && filtered.size() < FILTER_FILL;
    }

    private void applyFilter() {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(needle.isEmpty() ? null : e -> e.name().toLowerCase(Locale.ROOT).contains(needle));
        if (needsMoreForFilter()) {
            loadMore();
        }
        showStatus(false);
    }

    private void showStatus(boolean error) {
        statusIsError.set(error);
        String shown = filter.get().isBlank() ? "" : filtered.size() + " match · ";
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

    public ObservableList<BrowserEntry> entries() { return entries; }
    public FilteredList<BrowserEntry> filtered() { return filtered; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyStringProperty bucketProperty() { return bucket.getReadOnlyProperty(); }
    public ReadOnlyStringProperty prefixProperty() { return prefix.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty completeProperty() { return complete.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty statusIsErrorProperty() { return statusIsError.getReadOnlyProperty(); }
}
