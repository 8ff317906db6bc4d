package org.linkdesk.team;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.linkdesk.store.SqlAccess;
import org.linkdesk.store.TeamOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the links waiting in the {@link TeamOutbox} to the team database, oldest first, a batch per team
 * transaction, and deletes them from the outbox only after that commit. A kill between the two commits leaves the
 * batch waiting; sent again, the team database skips the uids it has. A row the team database refuses (bad data)
 * stays waiting with its error and does not hold back the others.
 *
 * <p>{@link #start()} runs a daemon thread that sends when links are added, polls for links other processes added,
 * and retries with a growing pause while the database is unreachable. The {@link OutboxStatus} (online, links
 * waiting, last error) goes to the listeners, on that thread.
 */
public final class OutboxSender implements AutoCloseable {
    /** Rows per team transaction. */
    public static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final long FIRST_PAUSE_MILLIS = 1_000;
    private static final long MAX_PAUSE_MILLIS = 60_000;
    private static final long POLL_MILLIS = 30_000;

    /**
     * How a sending pass ended.
     *
     * @param sent     rows the team database now has that this pass removed from the outbox
     * @param waiting  rows still waiting after the pass (-1 when it was abandoned and not counted)
     * @param complete whether every waiting row was sent
     * @param error    why not, for people (null when complete)
     * @param offline  whether the team database could not be used at all (unreachable, login refused)
     */
    public record Result(int sent, long waiting, boolean complete, String error, boolean offline) {
    }

    private final TeamOutbox outbox;
    private final OutboxPass pass;
    private final ReentrantLock passLock = new ReentrantLock();
    private final List<Consumer<OutboxStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private final Runnable onAdded = this::wake;
    private volatile OutboxStatus status = new OutboxStatus(true, 0, null);
    private volatile boolean stopped;
    private boolean woken;
    private Thread thread;

    public OutboxSender(TeamOutbox outbox, SqlAccess team) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.pass = new OutboxPass(outbox, team);
    }

    /** For tests: runs after each team commit, before the outbox rows are deleted (a throw leaves them waiting). */
    void afterTeamCommit(Runnable hook) {
        pass.afterTeamCommit(hook);
    }

    public OutboxStatus status() {
        return status;
    }

    /** Called with each new status, on the sending thread. */
    public void addListener(Consumer<OutboxStatus> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<OutboxStatus> listener) {
        listeners.remove(listener);
    }

    /** Sends every waiting row now, on this thread; one pass at a time per sender. */
    public Result sendWaiting() {
        passLock.lock();
        try {
            Result result = pass.run();
            if (result.waiting() >= 0) {
                if (result.error() != null && !result.error().equals(status.lastError())) {
                    LOG.info("{} link(s) wait in the team outbox: {}", result.waiting(), result.error());
                }
                publish(new OutboxStatus(!result.offline(), result.waiting(), result.error()));
            }
            return result;
        } finally {
            passLock.unlock();
        }
    }

    /**
     * Sends, waiting at most {@code limit} for each answer of the team database (the command line's single try: a
     * database that answers gets all the links, however many). When an answer is late the pass is abandoned: it no
     * longer touches the local database (so the caller may close it), and what it had not deleted stays waiting.
     */
    public Result sendWaiting(Duration limit) {
        AtomicReference<Result> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(sendWaiting());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "linkdesk-outbox-send");
        worker.setDaemon(true);
        pass.answeredNow();
        worker.start();
        long limitNanos = limit.toNanos();
        try {
            while (true) {
                long wait = pass.lastAnswer() + limitNanos - System.nanoTime();
                if (wait <= 0) {
                    break;
                }
                worker.join(Math.max(1, wait / 1_000_000));
                if (!worker.isAlive()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!worker.isAlive()) {
            if (failure.get() != null) {
                throw failure.get();
            }
            return result.get();
        }
        pass.abandon();
        return new Result(0, -1, false, "The team database did not answer within " + limit.toSeconds()
                + " seconds.", true);
    }

    private void publish(OutboxStatus next) {
        status = next;
        for (Consumer<OutboxStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("An outbox status listener failed", e);
            }
        }
    }

    /** Starts the background thread (once): it sends now, whenever links are added, and every half minute. */
    public synchronized void start() {
        if (thread != null || stopped) {
            return;
        }
        outbox.addListener(onAdded);
        thread = new Thread(this::run, "linkdesk-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** Wakes the background thread (new rows were added, or the user asked to retry). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        long pause = 0;
        while (!stopped) {
            boolean complete = false;
            try {
                publish(new OutboxStatus(status.online(), pass.local(outbox::waiting), status.lastError()));
                complete = sendWaiting().complete();
            } catch (OutboxPass.AbandonedException e) {
                return;
            } catch (RuntimeException e) {
                // Logged once per failure; the status says what users need, and the next pass retries.
                LOG.warn("Sending the team outbox failed", e);
                publish(new OutboxStatus(false, status.waiting(), e.getMessage()));
            }
            pause = complete ? 0 : Math.min(MAX_PAUSE_MILLIS, Math.max(FIRST_PAUSE_MILLIS, pause * 2));
            await(complete ? POLL_MILLIS : pause);
        }
    }

    private void await(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (signal) {
            try {
                long left;
                while (!woken && !stopped && (left = deadline - System.nanoTime()) > 0) {
                    signal.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
            woken = false;
        }
    }

    /**
     * Stops the background thread. It is not interrupted (that would break a database file in use); once this
     * returns it no longer touches the local database, and a send in flight at most finishes its team transaction.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            stopped = true;
            running = thread;
        }
        outbox.removeListener(onAdded);
        wake();
        pass.abandon();
        if (running != null) {
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
