package org.linkdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The app's runner: one shared pool of named daemon threads; callbacks on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService executor;

    public FxTaskRunner(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "linkdesk-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError, Runnable onFinally) {
        executor.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    try {
                        onError.accept(e);
                    } finally {
                        runFinally(onFinally);
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                try {
                    onSuccess.accept(result);
                } finally {
                    runFinally(onFinally);
                }
            });
        });
    }

    private static void runFinally(Runnable onFinally) {
        if (onFinally != null) {
            onFinally.run();
        }
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
