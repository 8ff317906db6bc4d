package org.linkdesk.upload;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes of one upload from several threads and reports them, with speed and ETA, at most 5 times a second. */
final class ProgressMeter {
    private static final long REPORT_EVERY_NANOS = 200_000_000L;

    private final String file;
    private final long total;
    private final UploadListener listener;
    private final AtomicLong done = new AtomicLong();
    private long lastReportNanos;
    private long lastReportBytes;
    private double speed;

    ProgressMeter(String file, long total, long alreadyDone, UploadListener listener) {
        this.file = file;
        this.total = total;
        this.listener = listener;
        done.set(alreadyDone);
        lastReportBytes = alreadyDone;
        lastReportNanos = System.nanoTime();
    }

    void add(long bytes) {
        long now = done.addAndGet(bytes);
        long nanos = System.nanoTime();
        if (nanos - lastReportNanos >= REPORT_EVERY_NANOS || now - lastReportBytes >= step()) {
            report(now, nanos, true);
        }
    }

    /**
     * Reports also come every hundredth of the file, however fast it goes: a listener that pauses or cancels at a
     * given point sees that point on a fast machine too (at most ~100 extra reports per file).
     */
    private long step() {
        return Math.max(1, total / 100);
    }

    void finish() {
        report(done.get(), System.nanoTime(), true);
    }

    private synchronized void report(long bytes, long nanos, boolean force) {
        long elapsed = nanos - lastReportNanos;
        if (!force && elapsed < REPORT_EVERY_NANOS) {
            return;
        }
        if (elapsed > 0) {
            double instant = (bytes - lastReportBytes) * 1e9 / elapsed;
            speed = speed == 0 ? instant : 0.3 * instant + 0.7 * speed;
        }
        lastReportNanos = nanos;
        lastReportBytes = bytes;
        long shown = Math.min(Math.max(bytes, 0), total);
        Duration eta = speed > 0 ? Duration.ofMillis((long) ((total - shown) * 1000 / speed)) : null;
        listener.progress(new UploadProgress(file, shown, total, Math.max(speed, 0), eta));
    }
}
