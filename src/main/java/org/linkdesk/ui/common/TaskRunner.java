package org.linkdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (S3, H2, crypto, files) away from the FX thread and hands the outcome back on it. View models take a
 * runner so tests can swap in {@link DirectTaskRunner}.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background; then, on the UI thread, {@code onSuccess} or {@code onError}, and last
     * {@code onFinally} (may be null).
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError, Runnable onFinally);

    /** Runs {@code action} on the UI thread (later). */
    void runOnUiThread(Runnable action);
}
