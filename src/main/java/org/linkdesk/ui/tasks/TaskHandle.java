package org.linkdesk.ui.tasks;

/**
 * A started task as its owner sees it: cancel it, read its state, progress and message. JavaFX-free so view models
 * stay testable; listeners are called on the UI thread (the runner's), so a view model may copy the values into its
 * properties there.
 */
public interface TaskHandle {

    /**
     * Asks the work to stop: it sees {@link TaskContext#isCancelled()}. The outcome stays truthful: work that stops by
     * throwing {@link TaskCancelledException} (or a {@code CancellationException}) ends in {@code onCancelled}; work
     * that finished anyway (a batch already committed) still ends in {@code onSuccess}. No thread is interrupted (an
     * interrupt can close H2's file channel), so H2 and HTTP calls under way end normally.
     */
    void cancel();

    /**
     * Cancels and forgets: {@code onCancelled} and {@code andFinally} run now (call on the UI thread), and whatever
     * the work returns later is dropped. For answers that are no longer wanted (a listing of a folder left behind).
     */
    void discard();

    TaskState state();

    /** 0..1, or -1 while unknown. */
    double progress();

    /** The last message the work reported ("" if none). */
    String message();

    /** True once {@link #cancel()} or {@link #discard()} was called. */
    boolean isCancelled();

    default boolean isRunning() {
        return state() == TaskState.RUNNING;
    }

    /** Called on the UI thread whenever state, progress or message changed (coalesced). */
    void addListener(Runnable listener);

    /** A handle for nothing: already succeeded (the initial value of a "current task" field, instead of null). */
    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public void discard() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public TaskState state() {
            return TaskState.SUCCEEDED;
        }

        @Override
        public double progress() {
            return 1;
        }

        @Override
        public String message() {
            return "";
        }

        @Override
        public void addListener(Runnable listener) {
        }
    };
}
