package org.linkdesk.history;

import java.util.function.Consumer;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.ui.common.StatusMessage;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The History tab's background re-check of objects, run as its {@link BackgroundJob}. Each checked entry goes to
 * {@code onChecked}; {@code onFinished} runs when the re-check ends.
 */
final class RecheckProgress {
    private final HistoryService service;
    private final TaskRunner tasks;
    private final StatusMessage status;
    private final BackgroundJob job;
    private final Consumer<HistoryEntry> onChecked;
    private final Runnable onFinished;

    RecheckProgress(HistoryService service, TaskRunner tasks, StatusMessage status, BackgroundJob job,
                    Consumer<HistoryEntry> onChecked, Runnable onFinished) {
        this.service = service;
        this.tasks = tasks;
        this.status = status;
        this.job = job;
        this.onChecked = onChecked;
        this.onFinished = onFinished;
    }

    /** Re-checks every share that has not expired. */
    void startAllUnexpired() {
        tasks.run(service::unexpiredIds).onSuccess(this::start).onError(status::error).start();
    }

    /** Re-checks these shares, unless a job is already running. */
    void start(long[] ids) {
        if (job.isRunning()) {
            return;
        }
        if (ids.length == 0) {
            status.info("Nothing to check: no links that have not expired.");
            return;
        }
        job.start("Checking 0 of " + ids.length + "…", tasks.runWithContext(context -> service.recheck(ids,
                HistoryService.DEFAULT_CONCURRENCY, context::isCancelled, (done, total, entry) -> {
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
                }).onError(status::error), onFinished);
    }
}
