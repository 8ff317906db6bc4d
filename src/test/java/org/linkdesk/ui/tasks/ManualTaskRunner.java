package org.linkdesk.ui.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Holds started work until {@link #runPending()}, to test what a view model does meanwhile (and on cancel). */
public final class ManualTaskRunner implements TaskRunner {
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private final List<Throwable> unhandled = new ArrayList<>();
    private final TaskScheduler scheduler = new TaskScheduler() {
        @Override
        public void execute(Runnable work) {
            pending.add(work);
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        @Override
        public void unhandled(Throwable error) {
            unhandled.add(error);
        }
    };

    @Override
    public <T> Task<T> runWithContext(Work<T> work) {
        return new Task<>(work, scheduler);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    /** Runs the held work, and any work it starts, in order. */
    public void runPending() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }

    /** Runs only the oldest held work (work it starts stays held). */
    public void runNext() {
        pending.poll().run();
    }

    public int pendingCount() {
        return pending.size();
    }

    public List<Throwable> unhandledErrors() {
        return List.copyOf(unhandled);
    }
}
