package org.linkdesk.history;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ObjectState;

/**
 * HEADs the objects of many shares with at most {@code concurrency} requests at once; reports progress after each and
 * can be cancelled (checks under way finish, no new ones start).
 */
public final class RecheckJob {
    /** Called from worker threads after each share. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, HistoryEntry checked);
    }

    private final long[] ids;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<RecheckResult> result = new CompletableFuture<>();

    RecheckJob(long[] ids) {
        this.ids = ids;
    }

    void start(int concurrency, LongFunction<HistoryService.CheckOutcome> check, Progress progress) {
        int total = ids.length;
        if (total == 0) {
            result.complete(new RecheckResult(0, 0, 0, 0, 0, false, null));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger present = new AtomicInteger();
        AtomicInteger gone = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstProblem = new AtomicReference<>();
        int threads = Math.max(1, Math.min(concurrency, total));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "linkdesk-recheck");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger running = new AtomicInteger(threads);
        for (int w = 0; w < threads; w++) {
            pool.execute(() -> {
                try {
                    int i;
                    while (!cancelled.get() && (i = next.getAndIncrement()) < total) {
                        HistoryService.CheckOutcome outcome = check.apply(ids[i]);
                        if (outcome.problem() != null) {
                            failed.incrementAndGet();
                            firstProblem.compareAndSet(null, outcome.problem());
                        } else if (outcome.entry() != null) {
                            ObjectState state = outcome.entry().objectState();
                            (state == ObjectState.GONE ? gone : state == ObjectState.CHANGED ? changed : present)
                                    .incrementAndGet();
                        }
                        progress.update(done.incrementAndGet(), total, outcome.entry());
                    }
                } finally {
                    if (running.decrementAndGet() == 0) {
                        result.complete(new RecheckResult(total, present.get(), gone.get(), changed.get(),
                                failed.get(), cancelled.get() && done.get() < total, firstProblem.get()));
                    }
                }
            });
        }
        pool.shutdown();
    }

    /** Stops starting new checks; the result completes once the checks under way end. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public CompletableFuture<RecheckResult> result() {
        return result;
    }

    /** Waits for the result (for the CLI). */
    public RecheckResult await(long timeout, TimeUnit unit) throws Exception {
        return result.get(timeout, unit);
    }

    public int total() {
        return ids.length;
    }
}
