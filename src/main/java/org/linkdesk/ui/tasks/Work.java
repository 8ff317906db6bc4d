package org.linkdesk.ui.tasks;

/** Background work that reports progress or checks for cancellation through its {@link TaskContext}. */
@FunctionalInterface
public interface Work<T> {
    T call(TaskContext context) throws Exception;
}
