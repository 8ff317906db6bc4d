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
import org.linkdesk.ui.common.TaskRunner;

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
    private RecheckJob job;

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
        tasks.run(service::unexpiredIds, this::start, status::error, null);
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
        job = service.recheck(ids, HistoryService.DEFAULT_CONCURRENCY, (done, total, entry) ->
                tasks.runOnUiThread(() -> {
                    progress.set((double) done / total);
                    text.set("Checking " + done + " of " + total + "…");
                    if (entry != null) {
                        onChecked.accept(entry);
                    }
                }));
        job.result().whenComplete((result, error) -> tasks.runOnUiThread(() -> {
            running.set(false);
            if (error != null) {
                status.error(error);
            } else if (result.failed() > 0 && result.checked() == 0) {
                status.error(result.describe());
            } else {
                status.info(result.describe());
            }
            onFinished.run();
        }));
    }

    void cancel() {
        if (job != null) {
            job.cancel();
            text.set("Cancelling…");
        }
    }

    ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
}
