package org.linkdesk.ui.tasks;

import java.util.concurrent.Callable;

/**
 * Runs slow work (S3, H2, keychain, files) away from the UI thread and hands the outcome back on it:
 * <pre>{@code
 * TaskHandle h = tasks.run(() -> service.load(id))
 *         .onSuccess(rows::setAll)
 *         .onError(S3Exception.class, e -> status.error(e.getMessage()))
 *         .andFinally(() -> busy.set(false))
 *         .start();
 * }</pre>
 * Errors with no matching {@code onError} go to the runner's one unhandled-error sink (the GUI root logs once and
 * shows a short message). View models take a runner so tests can use {@link DirectTaskRunner}.
 */
public interface TaskRunner {

    /** A task for {@code work}; nothing runs until {@link Task#start()}. */
    default <T> Task<T> run(Callable<T> work) {
        return runWithContext(context -> work.call());
    }

    /** A task whose work reports progress and sees cancellation through its {@link TaskContext}. */
    <T> Task<T> runWithContext(Work<T> work);

    /** A task for work with no result. */
    default Task<Void> runAction(Action action) {
        return runWithContext(context -> {
            action.run(context);
            return null;
        });
    }

    /** Runs {@code action} on the UI thread (later). */
    void runOnUiThread(Runnable action);

    /** Work with no result. */
    @FunctionalInterface
    interface Action {
        void run(TaskContext context) throws Exception;
    }
}
