package org.linkdesk.history;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.linkdesk.ui.tasks.Task;
import org.linkdesk.ui.tasks.TaskHandle;

/**
 * The History tab's one long job at a time (re-check, export, import, purge): running, progress (-1 while unknown)
 * and its line of text for the progress bar, and Cancel. The job's own task reports through its
 * {@code TaskContext}; this copies that into properties on the UI thread.
 */
final class BackgroundJob {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private TaskHandle handle = TaskHandle.DONE;

    boolean isRunning() {
        return running.get();
    }

    /**
     * Starts {@code task} as the job, showing {@code firstText} until it reports; {@code after} runs once it ended
     * (success, error or cancel). The task must not have an {@code andFinally} of its own.
     */
    <T> void start(String firstText, Task<T> task, Runnable after) {
        running.set(true);
        progress.set(-1);
        text.set(firstText);
        handle = task.andFinally(() -> {
            running.set(false);
            after.run();
        }).start();
        TaskHandle h = handle;
        h.addListener(() -> {
            if (h.isCancelled()) {
                return;
            }
            progress.set(h.progress());
            if (!h.message().isEmpty()) {
                text.set(h.message());
            }
        });
    }

    /** Asks the job to stop; its outcome (cancelled, or finished anyway) follows. */
    void cancel() {
        if (handle.isRunning()) {
            handle.cancel();
            text.set("Cancelling…");
        }
    }

    ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
}
