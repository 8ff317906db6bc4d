package org.linkdesk.history;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.ui.common.StatusMessage;
import org.linkdesk.ui.tasks.TaskHandle;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The History tab's background re-check of objects: at most one at a time, its progress for the status bar, and
 * cancelling it. Each checked entry goes to {@code onChecked}; {@code onFinished} runs when the re-check ends.
 */
final class RecheckProgress {
    private final HistoryService service;
    private final TaskRunner tasks;
    private final StatusMessage status;
    private final Consumer<HistoryEntry> onChecked;
    private final Runnable onFinished;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private TaskHandle job = TaskHandle.DONE;

    RecheckProgress(HistoryService service, TaskRunner tasks, StatusMessage status, Consumer<HistoryEntry> onChecked,
                    Runnable onFinished) {
        this.service = service;
        this.tasks = tasks;
        this.status = status;
        this.onChecked = onChecked;
        this.onFinished = onFinished;
    }

    /** Re-checks every share that has not expired. */
    void startAllUnexpired() {
        tasks.run(service::unexpiredIds).onSuccess(this::start).onError(status::error).start();
    }

    /** Re-checks these shares, unless a re-check is already running. */
    void start(long[] ids) {
        if (running.get()) {
            return;
        }
        if (ids.length == 0) {
            status.info("Nothing to check: no links that have not expired.");
            return;
        }
        running.set(true);
        progress.set(0);
        text.set("Checking 0 of " + ids.length + "…");
        job = tasks.runWithContext(context -> service.recheck(ids, HistoryService.DEFAULT_CONCURRENCY,
                context::isCancelled, (done, total, entry) -> {
                    context.progress(done, total);
                    context.message("Checking " + done + " of " + total + "…");
                    if (entry != null) {
                        tasks.runOnUiThread(() -> onChecked.accept(entry));
                    }
                })).onSuccess(result -> {
                    if (result.failed() > 0 && result.checked() == 0) {
                        status.error(result.describe());
                    } else {
                        status.info(result.describe());
                    }
                }).onError(status::error).andFinally(() -> {
                    running.set(false);
                    onFinished.run();
                }).start();
        job.addListener(() -> {
            progress.set(Math.max(0, job.progress()));
            if (!job.message().isEmpty() && !job.isCancelled()) {
                text.set(job.message());
            }
        });
    }

    /** Stops starting new checks; the result (what was checked) follows once the checks under way end. */
    void cancel() {
        if (job.isRunning()) {
            job.cancel();
            text.set("Cancelling…");
        }
    }

    ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
}
