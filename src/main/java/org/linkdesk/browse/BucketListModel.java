package org.linkdesk.browse;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.core.s3.AccessDeniedException;
import org.linkdesk.core.s3.BucketInfo;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.S3Names;
import org.linkdesk.store.BookmarkStore;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/**
 * The buckets column: what ListBuckets returns merged with the profile's bookmarks. When the profile may not list
 * buckets, the bookmarks (and any typed name) still work.
 */
public final class BucketListModel {
    private final Supplier<S3Http> s3;
    private final BookmarkStore bookmarks;
    private final TaskRunner tasks;
    private final Supplier<BrowseTarget> target;
    private final ObservableList<BucketEntry> buckets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private Long profileId;
    private long generation;

    public BucketListModel(Supplier<S3Http> s3, BookmarkStore bookmarks, TaskRunner tasks, Supplier<BrowseTarget> target) {
        this.s3 = s3;
        this.bookmarks = bookmarks;
        this.tasks = tasks;
        this.target = target;
    }

    private record Loaded(List<BucketInfo> listed, List<String> bookmarked, Throwable listError) {
    }

    /** Loads the buckets of the profile {@code id} (null: none chosen). */
    public void load(Long id) {
        long ticket = ++generation;
        profileId = id;
        buckets.clear();
        message.set("");
        if (id == null) {
            return;
        }
        loading.set(true);
        tasks.run(() -> {
            List<String> marked = bookmarks.buckets(id);
            try {
                BrowseTarget t = target.get();
                return new Loaded(s3.get().listBuckets(t.endpoint(), t.credentials()), marked, null);
            } catch (RuntimeException e) {
                return new Loaded(List.of(), marked, e);
            }
        }).onSuccess(loaded -> {
            if (ticket == generation) {
                show(loaded);
            }
        }).onError(e -> {
            if (ticket == generation) {
                message.set(UserMessages.describe(e));
            }
        }).andFinally(() -> {
            if (ticket == generation) {
                loading.set(false);
            }
        }).start();
    }

    private void show(Loaded loaded) {
        TreeMap<String, BucketEntry> merged = new TreeMap<>();
        loaded.listed().forEach(b -> merged.put(b.name(), new BucketEntry(b.name(), true, false)));
        loaded.bookmarked().forEach(name -> merged.merge(name, new BucketEntry(name, false, true),
                (a, b) -> new BucketEntry(name, true, true)));
        buckets.setAll(merged.values());
        if (loaded.listError() instanceof AccessDeniedException) {
            message.set("This profile may not list buckets. Type a bucket name above to browse it, and bookmark it "
                    + "to keep it here.");
        } else if (loaded.listError() != null) {
            message.set(UserMessages.describe(loaded.listError()));
        } else if (merged.isEmpty()) {
            message.set("No buckets yet. Type a bucket name above to browse it.");
        }
    }

    /** The problem with a typed bucket name, or null when it can be browsed. */
    public static String problem(String typed) {
        return S3Names.bucketProblem(typed == null ? "" : typed.strip()).orElse(null);
    }

    /** Bookmarks {@code bucket} for the profile, or removes the bookmark. */
    public void toggleBookmark(String bucket) {
        Long id = profileId;
        if (id == null || bucket == null || bucket.isEmpty()) {
            return;
        }
        boolean marked = isBookmarked(bucket);
        tasks.run(() -> marked ? bookmarks.remove(id, bucket) : bookmarks.add(id, bucket)).onSuccess(changed -> {
            if (id.equals(profileId)) {
                update(bucket, !marked);
            }
        }).onError(e -> message.set(UserMessages.describe(e))).start();
    }

    public boolean isBookmarked(String bucket) {
        return buckets.stream().anyMatch(b -> b.name().equals(bucket) && b.bookmarked());
    }

    private void update(String bucket, boolean marked) {
        for (int i = 0; i < buckets.size(); i++) {
            BucketEntry b = buckets.get(i);
            if (b.name().equals(bucket)) {
                if (!b.listed() && !marked) {
                    buckets.remove(i);
                } else {
                    buckets.set(i, new BucketEntry(bucket, b.listed(), marked));
                }
                return;
            }
        }
        if (marked) {
            int at = 0;
            while (at < buckets.size() && buckets.get(at).name().compareTo(bucket) < 0) {
                at++;
            }
            buckets.add(at, new BucketEntry(bucket, false, true));
            if (message.get().startsWith("No buckets yet")) {
                message.set("");
            }
        }
    }

    public ObservableList<BucketEntry> buckets() { return buckets; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
}
