package org.linkdesk.ui.tasks;

/** Where a task is in its life. The last three are final. */
public enum TaskState {
    RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isDone() {
        return this != RUNNING;
    }
}
