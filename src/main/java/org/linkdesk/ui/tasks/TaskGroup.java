package org.linkdesk.ui.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * The tasks working for one thing on screen (a listing and its pages, a query and its count): cancelled together
 * when that thing is replaced, so a late answer never lands in its successor. Use on the UI thread.
 */
public final class TaskGroup {
    private final List<TaskHandle> running = new ArrayList<>();

    /** Adds {@code handle} to the group and returns it. */
    public TaskHandle add(TaskHandle handle) {
        running.removeIf(h -> !h.isRunning());
        running.add(handle);
        return handle;
    }

    /** Cancels every task of the group that is still running. */
    public void cancelAll() {
        List<TaskHandle> cancelled = new ArrayList<>(running);
        running.clear();
        cancelled.forEach(TaskHandle::discard);
    }

    public boolean isRunning() {
        return running.stream().anyMatch(TaskHandle::isRunning);
    }
}
