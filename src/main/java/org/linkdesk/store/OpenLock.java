package org.linkdesk.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one connection at a time, across all processes, decide who opens the database file. H2's own lock file
 * protocol copes badly with several processes starting at once (they time out with "Lock file recently modified"),
 * so Linkdesk queues them: the first opens the file and serves it, the next ones find the server and join it.
 * Reentrant within a thread.
 */
final class OpenLock {
    static final String FILE_NAME = "linkdesk.open.lock";
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();
    /** The lock held by this JVM while {@link #IN_THIS_JVM} is held; guarded by it. */
    private static FileChannel channel;
    private static FileLock fileLock;

    /** Work done while holding the lock. */
    interface Locked<T> {
        T run() throws SQLException;
    }

    private OpenLock() {
    }

    static <T> T hold(Path directory, long waitMillis, Locked<T> work) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        try {
            if (!IN_THIS_JVM.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                throw busy(directory, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(directory, e);
        }
        try {
            boolean outermost = IN_THIS_JVM.getHoldCount() == 1;
            if (outermost) {
                lockFile(directory, deadline);
            }
            try {
                return work.run();
            } finally {
                if (outermost) {
                    unlockFile();
                }
            }
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    private static void lockFile(Path directory, long deadline) throws SQLException {
        try {
            channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            while ((fileLock = channel.tryLock()) == null) {
                if (System.nanoTime() > deadline) {
                    unlockFile();
                    throw busy(directory, null);
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            unlockFile();
            throw new SQLException("cannot lock " + directory.resolve(FILE_NAME), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unlockFile();
            throw busy(directory, e);
        }
    }

    private static void unlockFile() {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Closing the channel releases the lock in any case.
        } finally {
            fileLock = null;
            channel = null;
        }
    }

    private static StoreException busy(Path directory, Throwable cause) {
        return new StoreException("The database in " + directory + " is busy: another Linkdesk window or command "
                + "is still opening it. Try again in a moment.", cause);
    }
}
