package org.linkdesk.browse;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.util.function.Supplier;
import org.linkdesk.core.s3.ListObjectsRequest;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.core.s3.ListingWalker;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.links.LinkService;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.store.BookmarkStore;
import org.linkdesk.ui.tasks.TaskHandle;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/** The Browse tab: buckets, the folder being browsed, the details pane, and collecting objects for a batch. */
public final class BrowseViewModel {
    /** Default most objects "everything under this folder" may gather. */
    public static final int DEFAULT_BATCH_LIMIT = 1_000;
    public static final int MAX_BATCH_LIMIT = 100_000;

    private final Supplier<S3Http> s3;
    private final ProfileService profiles;
    private final LinkService links;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final ReadOnlyObjectProperty<Profile> profile;
    private final BucketListModel buckets;
    private final ObjectListModel objects;
    private final ObjectDetailsModel details;
    private final StringProperty typedBucket = new SimpleStringProperty("");
    private final IntegerProperty batchLimit = new SimpleIntegerProperty(DEFAULT_BATCH_LIMIT);
    private final ReadOnlyBooleanWrapper collecting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper collectMessage = new ReadOnlyStringWrapper("");
    private volatile Profile current;
    private TaskHandle collectTask = TaskHandle.DONE;

    public BrowseViewModel(Supplier<S3Http> s3, ProfileService profiles, BookmarkStore bookmarks, LinkService links,
                           TaskRunner tasks, TextClipboard clipboard, Clock clock, ZoneId zone,
                           ReadOnlyObjectProperty<Profile> profile) {
        this.s3 = s3;
        this.profiles = profiles;
        this.links = links;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.profile = profile;
        this.buckets = new BucketListModel(s3, bookmarks, tasks, this::target);
        this.objects = new ObjectListModel(s3, tasks, this::target);
        this.details = new ObjectDetailsModel(s3, links, tasks, clipboard, clock, zone, this::target);
        current = profile.get();
        profile.addListener((o, was, now) -> {
            current = now;
            objects.clear();
            details.show(null, null);
            buckets.load(now == null ? null : now.id());
        });
    }

    /** The chosen profile's endpoint and decrypted credentials (on a worker thread). */
    BrowseTarget target() {
        Profile p = current;
        if (p == null) {
            throw new org.linkdesk.core.sign.InvalidInputException("Choose or create a profile first.");
        }
        return BrowseTarget.of(SigningIdentity.of(p, profiles.credentials(p)));
    }

    /** Reloads the bucket list (when the tab is shown or the vault was unlocked). */
    public void reloadBuckets() {
        Profile p = profile.get();
        buckets.load(p == null ? null : p.id());
    }

    /** Opens the bucket typed in the bucket field. */
    public void openTypedBucket() {
        String name = typedBucket.get() == null ? "" : typedBucket.get().strip();
        if (BucketListModel.problem(name) == null) {
            openBucket(name);
        }
    }

    public void copyBucketName(String bucket) {
        clipboard.put(bucket);
    }

    public void openBucket(String bucket) {
        details.show(null, null);
        objects.open(bucket, "");
    }

    /** Opens a folder (a prefix ending in "/", or "" for the bucket's top) of the current bucket. */
    public void openFolder(String prefix) {
        details.show(null, null);
        objects.open(objects.bucketProperty().get(), prefix);
    }

    /** The folder above the current one. */
    public void up() {
        String p = objects.prefixProperty().get();
        if (!p.isEmpty()) {
            int slash = p.lastIndexOf('/', p.length() - 2);
            openFolder(slash < 0 ? "" : p.substring(0, slash + 1));
        }
    }

    /**
     * Gathers every object under the current folder at any depth (counting first, page by page), stopping with a
     * message when there are more than the batch limit; then hands them to {@code onReady}.
     */
    public void collectAllUnderFolder(Consumer<List<ListedObject>> onReady) {
        String bucket = objects.bucketProperty().get();
        String prefix = objects.prefixProperty().get();
        int limit = batchLimit.get();
        if (bucket.isEmpty() || collecting.get()) {
            return;
        }
        collecting.set(true);
        collectMessage.set("Counting objects under " + (prefix.isEmpty() ? bucket : prefix) + "…");
        collectTask = tasks.runWithContext(context -> {
            BrowseTarget t = target();
            List<ListedObject> found = new ArrayList<>();
            new ListingWalker(s3.get(), t.endpoint(), t.credentials()).walk(ListObjectsRequest.recursive(bucket, prefix),
                    context::isCancelled, page -> {
                        page.objects().stream().filter(o -> !o.key().endsWith("/") || o.size() > 0).forEach(found::add);
                        context.message(String.format(Locale.ROOT, "Counting objects… %,d so far", found.size()));
                        return found.size() <= limit;
                    });
            return found;
        }).onSuccess(found -> {
            if (found.size() > limit) {
                collectMessage.set(String.format(Locale.ROOT, "More than %,d objects under this folder. Raise the "
                        + "limit or open a folder further down.", limit));
            } else if (found.isEmpty()) {
                collectMessage.set("There are no objects under this folder.");
            } else {
                collectMessage.set(String.format(Locale.ROOT, "%,d objects found.", found.size()));
                onReady.accept(found);
            }
        }).onError(e -> collectMessage.set(UserMessages.describe(e)))
                .onCancelled(() -> collectMessage.set("Counting cancelled."))
                .andFinally(() -> collecting.set(false)).start();
        TaskHandle task = collectTask;
        task.addListener(() -> {
            if (task.isRunning() && !task.message().isEmpty()) {
                collectMessage.set(task.message());
            }
        });
    }

    /** The view model of a batch dialog for {@code objects} of {@code bucket}, signing as the chosen profile. */
    public BatchLinkViewModel batch(String bucket, List<ListedObject> objects) {
        return new BatchLinkViewModel(bucket, objects, links, tasks, clipboard, this::target);
    }

    public void cancelCollect() {
        collectTask.cancel();
    }

    public BucketListModel buckets() { return buckets; }
    public ObjectListModel objects() { return objects; }
    public ObjectDetailsModel details() { return details; }
    public StringProperty typedBucketProperty() { return typedBucket; }
    public IntegerProperty batchLimitProperty() { return batchLimit; }
    public ReadOnlyBooleanProperty collectingProperty() { return collecting.getReadOnlyProperty(); }
    public ReadOnlyStringProperty collectMessageProperty() { return collectMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Profile> profileProperty() { return profile; }
}
