package org.linkdesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The right, across processes, to have the database file open. Linkdesk processes (the app, any number of CLI
 * commands) take turns: one opens the file, works, and closes it when another is waiting; the others wait. The
 * operating system releases both locks when a process dies, even by {@code kill -9}, so no stale lock can block
 * the next process (unlike H2's lock file, and unlike its automatic mixed mode, whose TCP server any local account
 * could reach with the key in the lock file).
 *
 * <p>Two files: {@code linkdesk.open.lock}, locked exclusively by the holder; {@code linkdesk.wait.lock}, on which
 * every waiting process holds a shared lock, so the holder can tell that someone waits and hand over. Only one
 * thread per JVM and directory may use an instance at a time (file locks belong to the whole process).
 */
final class OpenLock implements AutoCloseable {
    static final String FILE_NAME = "linkdesk.open.lock";
    static final String WAIT_FILE_NAME = "linkdesk.wait.lock";
    private final FileChannel open;
    private final FileChannel wait;
    private FileLock held;

    OpenLock(Path directory) throws IOException {
        this.open = channel(directory.resolve(FILE_NAME));
        FileChannel w;
        try {
            w = channel(directory.resolve(WAIT_FILE_NAME));
        } catch (IOException e) {
            open.close();
            throw e;
        }
        this.wait = w;
    }

    private static FileChannel channel(Path file) throws IOException {
        FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (PrivateFiles.isPosix()) {
            Files.setPosixFilePermissions(file, PrivateFiles.FILE);
        }
        return c;
    }

    /**
     * Waits until this process holds the lock; false when one holder kept it for {@code patienceMillis} (the wait
     * starts again each time the lock changes hands, so a queue of busy processes that all make progress never
     * times out, while a process stuck holding it does).
     */
    boolean acquire(long patienceMillis) throws IOException, InterruptedException {
        if (held != null) {
            return true;
        }
        FileLock waiting = null;
        long patience = TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        long deadline = System.nanoTime() + patience;
        String holder = holder();
        try {
            while (true) {
                held = open.tryLock();
                if (held != null) {
                    markTurn();
                    return true;
                }
                if (waiting == null) {
                    waiting = wait.tryLock(0, 1, true);
                }
                String now = holder();
                if (!now.equals(holder)) {
                    holder = now;
                    deadline = System.nanoTime() + patience;
                } else if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                // Random pauses so waiting processes do not all retry in step.
                Thread.sleep(5 + ThreadLocalRandom.current().nextInt(20));
            }
        } finally {
            if (waiting != null) {
                waiting.release();
            }
        }
    }

    /** Writes which turn this is into the lock file, so waiting processes see the lock change hands. */
    private void markTurn() throws IOException {
        byte[] turn = (ProcessHandle.current().pid() + " " + System.nanoTime() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        open.truncate(0);
        open.write(ByteBuffer.wrap(turn), 0);
    }

    private String holder() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        int n = open.read(buffer, 0);
        return n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.US_ASCII);
    }

    boolean isHeld() {
        return held != null;
    }

    /** Whether another process is waiting for the lock (meaningful while this one holds it). */
    boolean othersWaiting() throws IOException {
        FileLock probe = wait.tryLock(0, 1, false);
        if (probe == null) {
            return true;
        }
        probe.release();
        return false;
    }

    void release() throws IOException {
        if (held != null) {
            try {
                held.release();
            } finally {
                held = null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            release();
        } finally {
            try {
                open.close();
            } finally {
                wait.close();
            }
        }
    }
}
