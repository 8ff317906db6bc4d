package org.linkdesk.browse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.linkdesk.core.s3.ObjectInfo;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.DownloadNames;
import org.linkdesk.links.ExpiryPreset;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.LinkService;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/**
 * The details pane: HEAD metadata of the selected object and a short link form (expiry preset, download name).
 * "Make link" (also double-click or Enter on the row) signs with these settings, records the link and copies it.
 */
public final class ObjectDetailsModel {
    /** The preset a new link gets: the same default as the "Make a link" form. */
    public static final ExpiryPreset DEFAULT_PRESET = ExpiryPreset.HOUR_1;

    private final Supplier<S3Http> s3;
    private final LinkService links;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<BrowseTarget> target;
    private Consumer<GeneratedLink> onGenerated = link -> { };

    private final ReadOnlyStringWrapper bucket = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BrowserEntry> entry = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ObjectInfo> info = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ExpiryPreset> preset = new SimpleObjectProperty<>(DEFAULT_PRESET);
    private final StringProperty downloadName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectVersionsModel versions;
    private long generation;

    public ObjectDetailsModel(Supplier<S3Http> s3, LinkService links, TaskRunner tasks, TextClipboard clipboard, Clock clock,
                              ZoneId zone, Supplier<BrowseTarget> target) {
        this.s3 = s3;
        this.links = links;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.clock = clock;
        this.zone = zone;
        this.target = target;
        this.versions = new ObjectVersionsModel(s3, links, tasks, clipboard, target);
        preset.addListener(o -> url.set(""));
        downloadName.addListener(o -> url.set(""));
    }

    public void setOnGenerated(Consumer<GeneratedLink> onGenerated) {
        this.onGenerated = onGenerated;
        versions.setOnGenerated(onGenerated);
    }

    /** Shows {@code selected} (an object; folders and null clear the pane) and asks S3 for its metadata. */
    public void show(String bucketName, BrowserEntry selected) {
        long ticket = ++generation;
        info.set(null);
        url.set("");
        message.set("");
        messageIsError.set(false);
        if (selected == null || selected.folder()) {
            entry.set(null);
            return;
        }
        bucket.set(bucketName);
        entry.set(selected);
        downloadName.set(DownloadNames.fileName(selected.key()));
        tasks.run(() -> {
            BrowseTarget t = target.get();
            return s3.get().headObject(t.endpoint(), t.credentials(), bucketName, selected.key());
        }).onSuccess(head -> {
            if (ticket == generation) {
                info.set(head);
            }
        }).onError(e -> {
            if (ticket == generation) {
                showError(UserMessages.describe(e));
            }
        }).start();
    }

    /** Signs a GET link for the shown object with the chosen preset, records it and copies it. */
    public void makeLink() {
        BrowserEntry e = entry.get();
        ExpiryPreset p = preset.get();
        if (e == null || busy.get() || p == null || p.duration() == null) {
            return;
        }
        String b = bucket.get();
        LinkOptions options = new LinkOptions(null, p.duration(), downloadName.get(), false, null, null, null);
        busy.set(true);
        messageIsError.set(false);
        message.set("Making the link…");
        tasks.run(() -> links.generate(target.get().identity(), b, e.key(), options, null)).onSuccess(link -> {
            url.set(link.url().url());
            clipboard.put(link.url().url());
            Instant expires = link.expiry().expiresAt();
            message.set("Link copied — expires " + Formats.dateTime(expires, zone) + " ("
                    + Formats.relative(expires, clock.instant()) + ").");
            onGenerated.accept(link);
        }).onError(error -> showError(UserMessages.describe(error))).andFinally(() -> busy.set(false)).start();
    }

    /** Copies the link shown, or makes one (which copies it) when there is none yet. */
    public void copyOrMake() {
        if (url.get().isEmpty()) {
            makeLink();
        } else {
            copy();
        }
    }

    /** Copies the link shown. */
    public void copy() {
        if (!url.get().isEmpty()) {
            clipboard.put(url.get());
            messageIsError.set(false);
            message.set("Link copied to the clipboard.");
        }
    }

    private void showError(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    /** The versions list of the shown object (loaded on demand). */
    public ObjectVersionsModel versions() { return versions; }
    public ReadOnlyStringProperty bucketProperty() { return bucket.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BrowserEntry> entryProperty() { return entry.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ObjectInfo> infoProperty() { return info.getReadOnlyProperty(); }
    public ObjectProperty<ExpiryPreset> presetProperty() { return preset; }
    public StringProperty downloadNameProperty() { return downloadName; }
    public ReadOnlyStringProperty urlProperty() { return url.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
