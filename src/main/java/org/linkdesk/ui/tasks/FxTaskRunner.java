package org.linkdesk.ui.tasks;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The app's runner: one shared pool of named daemon threads; callbacks on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService executor;
    private final TaskScheduler scheduler;

    /** Unhandled errors are logged (tests; the app gives its own sink). */
    public FxTaskRunner(int threads) {
        this(threads, UnhandledErrors::log);
    }

    public FxTaskRunner(int threads, Consumer<Throwable> unhandled) {
        this(threads, unhandled, Platform::runLater);
    }

    /** With {@code uiThread} delivering every callback to the FX thread (benchmarks time them there). */
    public FxTaskRunner(int threads, Consumer<Throwable> unhandled, Executor uiThread) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "linkdesk-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
        this.scheduler = new TaskScheduler() {
            @Override
            public void execute(Runnable work) {
                executor.execute(work);
            }

            @Override
            public void onUiThread(Runnable action) {
                uiThread.execute(action);
            }

            @Override
            public void unhandled(Throwable error) {
                unhandled.accept(error);
            }
        };
    }

    @Override
    public <T> Task<T> runWithContext(Work<T> work) {
        return new Task<>(work, scheduler);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
