package org.linkdesk.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ObjectState;

/**
 * HEADs the objects of many shares with at most {@code concurrency} requests at once, on the calling thread plus
 * {@code concurrency - 1} helpers; reports progress after each and stops starting new checks once {@code cancelled}
 * says so (checks under way finish). The caller decides where it runs: the GUI in a task (whose context is the
 * cancel signal), the CLI in its own thread.
 */
public final class RecheckJob {
    /** Called from worker threads after each share. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, HistoryEntry checked);
    }

    private RecheckJob() {
    }

    static RecheckResult run(long[] ids, int concurrency, LongFunction<HistoryService.CheckOutcome> check,
                             BooleanSupplier cancelled, Progress progress) throws InterruptedException {
        int total = ids.length;
        if (total == 0) {
            return new RecheckResult(0, 0, 0, 0, 0, false, null);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger present = new AtomicInteger();
        AtomicInteger gone = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstProblem = new AtomicReference<>();
        Runnable worker = () -> {
            int i;
            while (!cancelled.getAsBoolean() && (i = next.getAndIncrement()) < total) {
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
        };
        int threads = Math.max(1, Math.min(concurrency, total));
        List<Thread> helpers = new ArrayList<>();
        for (int w = 1; w < threads; w++) {
            Thread t = new Thread(worker, "linkdesk-recheck-" + w);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        worker.run();
        for (Thread t : helpers) {
            t.join();
        }
        return new RecheckResult(total, present.get(), gone.get(), changed.get(), failed.get(),
                cancelled.getAsBoolean() && done.get() < total, firstProblem.get());
    }
}
