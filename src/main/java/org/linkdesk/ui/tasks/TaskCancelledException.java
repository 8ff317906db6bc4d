package org.linkdesk.ui.tasks;

/** Thrown by {@link TaskContext#throwIfCancelled()}: the task ends as cancelled, not as failed. */
public final class TaskCancelledException extends RuntimeException {
    public TaskCancelledException() {
        super("Cancelled", null, false, false);
    }
}
