package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's turn at a data directory's database file. Units of work enter and exit; the first to enter while the
 * JVM does not hold the {@link OpenLock} waits for it (other processes may be working), then the file is opened and
 * checked ({@link FileGuard}). When no unit is running and another process waits, or after a while idle, the file is
 * closed and the lock handed over. While another process waits, new units here queue behind it, so a busy window
 * cannot starve a command. One instance per directory per JVM, shared by every {@link Database} opened on it.
 */
final class DirectoryLease {
    private static final Map<Path, DirectoryLease> LEASES = new HashMap<>();
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "linkdesk-database-turns");
        t.setDaemon(true);
        return t;
    });
    private static final long TICK_MILLIS = 50;
    /** How long an idle process keeps the file open when nobody else wants it (its page cache stays warm). */
    private static final long IDLE_MILLIS = 3_000;

    private final Path directory;
    private final OpenLock lock;
    private final FileGuard guard;
    private final ScheduledFuture<?> ticks;
    private int references;
    private int active;
    private boolean held;
    private boolean acquiring;
    private boolean yielding;
    private long lastUsedNanos;
    /** Counts acquisitions and hand-overs, so waiting threads see progress. */
    private long turns;
    /** The thread whose unit of work has this JVM's turn to itself ({@link #enterAlone}), or null. */
    private Thread alone;

    private DirectoryLease(Path directory, OpenLock lock, FileGuard guard) {
        this.directory = directory;
        this.lock = lock;
        this.guard = guard;
        this.ticks = TICKS.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The lease for {@code directory}, created on first use; every call must be paired with {@link #leave()}. */
    static DirectoryLease join(Path directory, FileGuard.Factory guards) throws IOException {
        synchronized (LEASES) {
            DirectoryLease lease = LEASES.get(directory);
            if (lease == null) {
                lease = new DirectoryLease(directory, new OpenLock(directory), guards.create(directory));
                LEASES.put(directory, lease);
            }
            synchronized (lease) {
                lease.references++;
            }
            return lease;
        }
    }

    FileGuard guard() {
        return guard;
    }

    /**
     * Waits for this JVM's turn, opening the file if needed; pair with {@link #exit()}. Gives up when the file did
     * not change hands for {@code waitMillis}.
     */
    void enter(long waitMillis) throws SQLException {
        enter(waitMillis, false);
    }

    /**
     * As {@link #enter}, for a unit of work that commits in several steps and must have the file to itself
     * between them: other processes wait for the turn as for any unit, and other threads of this JVM wait in
     * {@link #enter} until {@link #exitAlone} (each {@link #stepped} step counts as progress for their wait).
     */
    void enterAlone(long waitMillis) throws SQLException {
        enter(waitMillis, true);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (this) {
            try {
                // Units of other threads that entered before us finish first.
                while (active > 1) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw Busy.waitedTooLong(directory, waitMillis);
                    }
                    waitQuietly(left);
                }
            } catch (RuntimeException e) {
                exitAlone();
                throw e;
            }
        }
    }

    /** A unit entered with {@link #enterAlone} committed a step. */
    synchronized void stepped() {
        turns++;
        notifyAll();
    }

    /** Ends a unit entered with {@link #enterAlone}. */
    synchronized void exitAlone() {
        alone = null;
        exit();
    }

    private void enter(long waitMillis, boolean toItself) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (this) {
            long seenTurns = turns;
            while (true) {
                if (turns != seenTurns) {
                    seenTurns = turns;
                    deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
                }
                if (held && !yielding && alone == null) {
                    active++;
                    if (toItself) {
                        alone = Thread.currentThread();
                    }
                    return;
                }
                if (!held && !acquiring) {
                    acquiring = true;
                    break;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw Busy.waitedTooLong(directory, waitMillis);
                }
                waitQuietly(left);
            }
        }
        boolean opened = false;
        try {
            if (!lock.acquire(waitMillis)) {
                throw Busy.waitedTooLong(directory, waitMillis);
            }
            guard.opened(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis));
            opened = true;
        } catch (IOException e) {
            if (SqlErrors.isDiskFull(e)) {
                throw SqlErrors.translate(e, directory);
            }
            throw new DataDirectoryException("Linkdesk cannot use its data folder " + directory + " ("
                    + e.getMessage() + "). Check its permissions and free space.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Busy.interrupted(directory, e);
        } finally {
            synchronized (this) {
                acquiring = false;
                turns++;
                if (opened) {
                    held = true;
                    active++;
                    if (toItself) {
                        alone = Thread.currentThread();
                    }
                } else {
                    releaseLockQuietly();
                }
                notifyAll();
            }
        }
    }

    /** Ends a unit of work; hands the file over at once if another process is waiting. */
    synchronized void exit() {
        active--;
        lastUsedNanos = System.nanoTime();
        if (active == 0) {
            handOverIf(false);
        }
        notifyAll();
    }

    private synchronized void tick() {
        if (!held) {
            return;
        }
        if (active == 0) {
            handOverIf(true);
        } else if (!yielding && othersWaiting()) {
            yielding = true;
        }
    }

    private void handOverIf(boolean idleCheck) {
        if (!held) {
            return;
        }
        boolean idle = idleCheck && System.nanoTime() - lastUsedNanos > TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
        boolean waiting = othersWaiting();
        if (yielding || references == 0 || idle || waiting) {
            // Compacting takes a while: only when nobody is waiting for the file.
            guard.closing(!waiting);
            releaseLockQuietly();
            held = false;
            yielding = false;
            turns++;
            notifyAll();
        }
    }

    private boolean othersWaiting() {
        try {
            return lock.othersWaiting();
        } catch (IOException e) {
            return true;
        }
    }

    private void releaseLockQuietly() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel (or the process ending) releases it in any case.
        }
    }

    /** Drops one reference; the last closes the file (if this JVM holds it) and lets go of the lock files. */
    void leave() {
        synchronized (LEASES) {
            synchronized (this) {
                if (--references > 0) {
                    return;
                }
                while (active > 0 || acquiring) {
                    waitQuietly(100);
                }
                handOverIf(false);
                LEASES.remove(directory);
            }
            ticks.cancel(false);
            try {
                lock.close();
            } catch (IOException e) {
                // Nothing held any more.
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Busy.interrupted(directory, e);
        }
    }
}
