package org.linkdesk.ui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A started task: the handle its owner holds and the context its work sees. */
final class RunningTask<T> implements TaskHandle, TaskContext {
    private final Task<T> task;
    private final TaskScheduler scheduler;
    private final AtomicBoolean notifyPending = new AtomicBoolean();
    private final List<Runnable> listeners = new ArrayList<>();
    private volatile TaskState state = TaskState.RUNNING;
    private volatile boolean cancelRequested;
    private volatile double progress = -1;
    private volatile String message = "";

    RunningTask(Task<T> task, TaskScheduler scheduler) {
        this.task = task;
        this.scheduler = scheduler;
    }

    void runWork() {
        T result;
        try {
            result = task.work().call(this);
        } catch (TaskCancelledException | java.util.concurrent.CancellationException e) {
            scheduler.onUiThread(() -> end(TaskState.CANCELLED, task::cancelled));
            return;
        } catch (Throwable e) {
            scheduler.onUiThread(() -> end(TaskState.FAILED, () -> task.failed(e)));
            return;
        }
        scheduler.onUiThread(() -> end(TaskState.SUCCEEDED, () -> task.succeeded(result)));
    }

    private void end(TaskState outcome, Runnable deliver) {
        if (state != TaskState.RUNNING) {
            return; // cancelled meanwhile: its callbacks have run already
        }
        state = outcome;
        if (outcome == TaskState.SUCCEEDED) {
            progress = 1;
        }
        try {
            deliver.run();
        } finally {
            fire();
        }
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        changed();
    }

    @Override
    public void discard() {
        cancelRequested = true;
        end(TaskState.CANCELLED, task::cancelled);
    }

    @Override
    public boolean isCancelled() {
        return cancelRequested;
    }

    @Override
    public void progress(long done, long total) {
        progress = total <= 0 ? -1 : Math.min(1, Math.max(0, (double) done / total));
        changed();
    }

    @Override
    public void message(String text) {
        message = text == null ? "" : text;
        changed();
    }

    private void changed() {
        if (notifyPending.compareAndSet(false, true)) {
            scheduler.onUiThread(() -> {
                notifyPending.set(false);
                fire();
            });
        }
    }

    private void fire() {
        for (Runnable listener : List.copyOf(listeners)) {
            listener.run();
        }
    }

    @Override
    public TaskState state() {
        return state;
    }

    @Override
    public double progress() {
        return progress;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }
}
