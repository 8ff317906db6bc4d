package org.linkdesk.ui.tasks;

/**
 * What a running job sees of its task: whether it was cancelled, and where to report progress. JavaFX-free, so a
 * service method can take it (or a plain {@code BooleanSupplier}/{@code LongConsumer} adapted from it).
 */
public interface TaskContext {

    /** True once someone called {@link TaskHandle#cancel()}; long loops check it between steps. */
    boolean isCancelled();

    /** Throws {@link TaskCancelledException} when the task was cancelled: a convenient check between steps. */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new TaskCancelledException();
        }
    }

    /** {@code done} of {@code total} units (total &lt;= 0: unknown). Cheap: updates are coalesced for the UI. */
    void progress(long done, long total);

    /** A short line describing the current step ("Exporting 1,200 of 5,000…"). */
    void message(String text);

    /** A context for work run outside any task (never cancelled, progress ignored). */
    TaskContext NONE = new TaskContext() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(long done, long total) {
        }

        @Override
        public void message(String text) {
        }
    };
}
