package org.linkdesk.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.core.s3.ObjectVersion;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.VersionListing;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.DownloadNames;
import org.linkdesk.links.ExpiryPreset;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.LinkService;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;
import org.linkdesk.ui.tasks.TaskHandle;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The versions of the object selected in Browse (ListObjectVersions), newest first, with a link per version signed
 * with its {@code versionId} through the {@link LinkService} (so it is recorded in the history like any link).
 */
public final class ObjectVersionsModel {
    /** More versions than this are not listed: the newest are the ones people share. */
    static final int MAX_VERSIONS = 500;
    private final Supplier<S3Http> s3;
    private final LinkService links;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final Supplier<BrowseTarget> target;
    private final ObservableList<ObjectVersion> versions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Consumer<GeneratedLink> onGenerated = l -> { };
    private TaskHandle loading = TaskHandle.DONE;
    private String bucket;

    public ObjectVersionsModel(Supplier<S3Http> s3, LinkService links, TaskRunner tasks, TextClipboard clipboard,
                               Supplier<BrowseTarget> target) {
        this.s3 = s3;
        this.links = links;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.target = target;
    }

    public void setOnGenerated(Consumer<GeneratedLink> onGenerated) {
        this.onGenerated = onGenerated;
    }

    /** Lists the versions of {@code key} in {@code bucketName} in the background (the previous listing is dropped). */
    public void load(String bucketName, String key) {
        loading.discard();
        versions.clear();
        bucket = bucketName;
        message.set("Listing versions…");
        loading = tasks.run(() -> list(bucketName, key)).onSuccess(found -> {
            versions.setAll(found);
            boolean versioned = found.stream().anyMatch(v -> v.versionId() != null && !"null".equals(v.versionId()));
            message.set(!versioned ? "This bucket does not keep versions of this object (versioning is off)."
                    : found.size() + (found.size() == 1 ? " version." : " versions.")
                    + (found.size() >= MAX_VERSIONS ? " Only the newest " + MAX_VERSIONS + " are listed." : ""));
        }).onError(e -> message.set("The versions could not be listed: " + UserMessages.describe(e))).start();
    }

    private List<ObjectVersion> list(String bucketName, String key) {
        BrowseTarget t = target.get();
        List<ObjectVersion> found = new ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        do {
            VersionListing page = s3.get().listObjectVersions(t.endpoint(), t.credentials(), bucketName, key,
                    keyMarker, versionMarker, 1000);
            for (ObjectVersion v : page.versions()) {
                if (v.key().equals(key) && found.size() < MAX_VERSIONS) {
                    found.add(v);
                }
            }
            boolean pastKey = page.nextKeyMarker() != null && !page.nextKeyMarker().equals(key);
            if (!page.truncated() || pastKey || found.size() >= MAX_VERSIONS) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        } while (true);
        return found;
    }

    /** Signs a GET link to {@code version}, records it, and copies it. A delete marker has no content to link to. */
    public void makeLink(ObjectVersion version, ExpiryPreset preset) {
        if (version == null || preset == null || preset.duration() == null) {
            return;
        }
        if (version.deleteMarker()) {
            message.set("This version is a delete marker: it has no content to link to.");
            return;
        }
        String versionId = "null".equals(version.versionId()) ? null : version.versionId();
        LinkOptions options = new LinkOptions(null, preset.duration(), DownloadNames.fileName(version.key()), false,
                null, null, null, versionId);
        String b = bucket;
        tasks.run(() -> links.generate(target.get().identity(), b, version.key(), options, null)).onSuccess(link -> {
            clipboard.put(link.url().url());
            message.set("Link to the version of " + version.lastModified() + " copied.");
            onGenerated.accept(link);
        }).onError(e -> message.set(UserMessages.describe(e))).start();
    }

    public ObservableList<ObjectVersion> versions() { return versions; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
