package org.linkdesk.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The worker threads of one upload, which the user's pause or cancel interrupts. */
final class StoppableWorkers {

    private StoppableWorkers() {
    }

    /**
     * Runs the calls on {@code threads} worker threads; the user's stop interrupts them. The first failure stops
     * the others; a cancel runs {@code onCancel} (which aborts), a pause keeps what is done. Returns the results
     * in order.
     */
    static <T> List<T> runAll(int threads, UploadControl control, List<Supplier<T>> calls, Runnable onCancel) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "upload-part");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        control.onStop(pool::shutdownNow);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> call : calls) {
                futures.add(pool.submit(() -> {
                    try {
                        return call.get();
                    } catch (RuntimeException e) {
                        if (failure.compareAndSet(null, e)) {
                            pool.shutdownNow();
                        }
                        throw e;
                    }
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    out.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    control.pause();
                }
            }
            if (control.isStopped()) {
                if (control.isCancelled()) {
                    onCancel.run();
                }
                throw new UploadStoppedException(control.isCancelled() ? "Upload cancelled." : "Upload paused.",
                        !control.isCancelled());
            }
            if (failure.get() instanceof RuntimeException e) {
                throw e;
            }
            return out;
        } finally {
            control.onStop(() -> { });
            pool.shutdownNow();
        }
    }
}
