package org.linkdesk.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/**
 * The upload queue: files dropped or chosen go up one after another (each with several parts in flight), each with
 * progress, speed and ETA; pause keeps the finished parts, resume continues them, cancel aborts. When a file is up,
 * its link is made, recorded, and (setting) copied. Existing keys are settled by asking once per drop.
 */
public final class UploadQueueViewModel {
    /** Asks the user what to do with keys that are taken (null: do not upload these files). */
    @FunctionalInterface
    public interface ExistingKeyQuestion {
        ExistingKeyPolicy ask(List<String> takenKeys);
    }

    private final UploadService uploads;
    private final TaskRunner runner;
    private final TextClipboard clipboard;
    private final Supplier<SigningIdentity> identity;
    private final ExistingKeyQuestion question;
    private final ObservableList<UploadItem> items = FXCollections.observableArrayList();
    private final Deque<UploadItem> waiting = new ArrayDeque<>();
    private final Map<UploadItem, ExistingKeyPolicy> policies = new IdentityHashMap<>();
    private final BooleanProperty copyLinks = new SimpleBooleanProperty(true);
    private final StringProperty message = new SimpleStringProperty("");
    private Duration linkExpiry = Duration.ofDays(1);
    private final ObjectProperty<UniquePrefix> uniquePrefix = new SimpleObjectProperty<>(UniquePrefix.NONE);
    private long partSize = PartPlan.DEFAULT_PART;
    private int concurrency = 4;
    private boolean busy;

    public UploadQueueViewModel(UploadService uploads, TaskRunner runner, TextClipboard clipboard,
                                Supplier<SigningIdentity> identity, ExistingKeyQuestion question) {
        this.uploads = uploads;
        this.runner = runner;
        this.clipboard = clipboard;
        this.identity = identity;
        this.question = question;
    }

    public ObservableList<UploadItem> items() {
        return items;
    }

    public BooleanProperty copyLinksProperty() {
        return copyLinks;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /**
     * Loads the stored "copy each link" choice (off the FX thread) and stores every later change of it.
     * {@code read} and {@code write} touch the database: they run on the task runner.
     */
    public void keepCopyLinksIn(java.util.function.BooleanSupplier read, java.util.function.Consumer<Boolean> write) {
        keepIn(copyLinks, read::getAsBoolean, write);
    }

    /** The same for the "before names" choice. */
    public void keepUniquePrefixIn(Supplier<UniquePrefix> read, java.util.function.Consumer<UniquePrefix> write) {
        keepIn(uniquePrefix, read, write);
    }

    private <T> void keepIn(Property<T> choice, Supplier<T> read, java.util.function.Consumer<T> write) {
        runner.run(read::get).onSuccess(stored -> {
            choice.setValue(stored);
            choice.addListener((o, was, now) -> runner.run(() -> {
                write.accept(now);
                return null;
            }).onError(this::failed).start());
        }).onError(this::failed).start();
    }

    /** What goes before the names of the files queued next (nothing, today's date, a random folder). */
    public ObjectProperty<UniquePrefix> uniquePrefixProperty() {
        return uniquePrefix;
    }

    public void setLinkExpiry(Duration expiry) {
        this.linkExpiry = expiry;
    }

    public void setPartSize(long bytes, int inFlight) {
        PartPlan.of(0, bytes);
        this.partSize = bytes;
        this.concurrency = inFlight;
    }

    /** Queues files and folders (dropped or chosen) for {@code bucket} under {@code prefix}. */
    public void add(List<Path> files, String bucket, String prefix) {
        record Plan(List<UploadService.Planned> files, List<String> taken) {
        }
        UniquePrefix unique = uniquePrefix.get() == null ? UniquePrefix.NONE : uniquePrefix.get();
        runner.run(() -> {
            SigningIdentity who = identity.get();
            List<UploadService.Planned> planned = uploads.plan(files, prefix, unique);
            List<String> taken = new ArrayList<>();
            for (UploadService.Planned p : planned) {
                if (uploads.exists(who, bucket, p.key())) {
                    taken.add(p.key());
                }
            }
            return new Plan(planned, taken);
        }).onSuccess(plan -> {
            ExistingKeyPolicy policy = plan.taken().isEmpty() ? ExistingKeyPolicy.OVERWRITE
                    : question.ask(plan.taken());
            for (UploadService.Planned p : plan.files()) {
                if (policy == null && plan.taken().contains(p.key())) {
                    continue;
                }
                UploadItem item = new UploadItem(p.file(), bucket, p.key());
                item.stateProperty().set(UploadItem.State.QUEUED);
                items.add(item);
                waiting.add(item);
                policies.put(item, plan.taken().contains(p.key()) ? policy : ExistingKeyPolicy.OVERWRITE);
            }
            next();
        }).onError(this::failed).start();
    }

    /** Continues an unfinished upload Linkdesk started for {@code file}: same key, its finished parts kept. */
    public void continueUpload(Path file, String bucket, String key) {
        UploadItem item = new UploadItem(file, bucket, key);
        item.stateProperty().set(UploadItem.State.QUEUED);
        items.add(item);
        waiting.add(item);
        policies.put(item, ExistingKeyPolicy.OVERWRITE);
        next();
    }

    public void pause(UploadItem item) {
        item.control().pause();
    }

    /** Continues a paused or failed file from its finished parts. */
    public void resume(UploadItem item) {
        if (item.stateProperty().get() == UploadItem.State.PAUSED
                || item.stateProperty().get() == UploadItem.State.FAILED) {
            item.stateProperty().set(UploadItem.State.QUEUED);
            policies.put(item, ExistingKeyPolicy.OVERWRITE);
            waiting.add(item);
            next();
        }
    }

    /** Cancels a file: a queued one is dropped, an uploading one is aborted on the server. */
    public void cancel(UploadItem item) {
        if (waiting.remove(item) || item.stateProperty().get() == UploadItem.State.PAUSED) {
            item.stateProperty().set(UploadItem.State.CANCELLED);
            item.detailProperty().set("Cancelled");
            return;
        }
        item.control().cancel();
    }

    private void next() {
        if (busy || waiting.isEmpty()) {
            return;
        }
        busy = true;
        UploadItem item = waiting.poll();
        ExistingKeyPolicy policy = policies.getOrDefault(item, ExistingKeyPolicy.OVERWRITE);
        UploadControl control = item.freshControl();
        boolean resume = item.stateProperty().get() == UploadItem.State.QUEUED && item.fractionProperty().get() > 0;
        item.stateProperty().set(UploadItem.State.UPLOADING);
        String originalKey = item.keyProperty().get();
        runner.run(() -> {
            SigningIdentity who = identity.get();
            Optional<String> key = resume ? Optional.of(originalKey)
                    : uploads.settleKey(who, item.bucket(), originalKey, policy);
            if (key.isEmpty()) {
                return null;
            }
            runner.runOnUiThread(() -> item.keyProperty().set(key.get()));
            UploadJob job = new UploadJob(item.file(), item.bucket(), key.get(), ContentTypes.of(item.file()),
                    partSize, concurrency, true, null);
            return uploads.upload(who, job, linkExpiry,
                    p -> runner.runOnUiThread(() -> showProgress(item, p)), control);
        }).onSuccess(done -> finished(item, done)).onError(error -> stopped(item, error)).andFinally(() -> {
            busy = false;
            next();
        }).start();
    }

    private static void showProgress(UploadItem item, UploadProgress p) {
        item.fractionProperty().set(p.fraction());
        String speed = Sizes.format((long) p.bytesPerSecond()) + "/s";
        item.detailProperty().set(p.eta() == null ? speed : speed + " · " + eta(p.eta()) + " left");
    }

    private void finished(UploadItem item, UploadService.Uploaded done) {
        if (done == null) {
            item.stateProperty().set(UploadItem.State.SKIPPED);
            item.detailProperty().set("Skipped: the key is taken");
            return;
        }
        item.keyProperty().set(done.key());
        item.fractionProperty().set(1);
        item.stateProperty().set(UploadItem.State.DONE);
        if (done.link() != null) {
            item.linkProperty().set(done.link().url().url());
            if (copyLinks.get()) {
                clipboard.put(done.link().url().url());
                message.set("Link to " + item.name() + " copied.");
            } else {
                message.set(item.name() + " uploaded.");
            }
        }
        item.detailProperty().set(done.partsResumed() > 0 ? "Resumed " + done.partsResumed() + " parts" : "");
    }

    private void stopped(UploadItem item, Throwable error) {
        if (error instanceof UploadStoppedException stop) {
            item.stateProperty().set(stop.resumable() ? UploadItem.State.PAUSED : UploadItem.State.CANCELLED);
            item.detailProperty().set(stop.resumable() ? "Paused" : "Cancelled");
            return;
        }
        item.stateProperty().set(UploadItem.State.FAILED);
        item.detailProperty().set(UserMessages.describe(error));
    }

    private void failed(Throwable error) {
        message.set(UserMessages.describe(error));
    }

    private static String eta(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
