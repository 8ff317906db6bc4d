package org.linkdesk.links;

/** Lets a batch report progress and be cancelled from another thread. */
public interface BatchMonitor {
    BatchMonitor NONE = new BatchMonitor() { };

    /** Checked between links; when true the batch stops and records nothing. */
    default boolean isCancelled() {
        return false;
    }

    /** {@code done} of {@code total} steps (signing every link, then recording every link). */
    default void progress(long done, long total) {
    }
}
