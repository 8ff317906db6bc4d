package org.linkdesk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.linkdesk.upload.Sizes;
import org.linkdesk.upload.UploadListener;
import org.linkdesk.upload.UploadProgress;

/** One self-overwriting progress line on a terminal's stderr: name, percent, speed, ETA. */
final class ProgressLine implements UploadListener {
    private final PrintWriter err;
    private final boolean enabled;
    private int lastLength;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Progress only on an interactive terminal, never in pipes or logs. */
    static boolean terminal() {
        return System.console() != null;
    }

    @Override
    public synchronized void progress(UploadProgress p) {
        if (!enabled) {
            return;
        }
        String line = String.format("%s  %3d%%  %s of %s  %s/s  %s", p.file(), (int) (p.fraction() * 100),
                Sizes.format(p.bytesDone()), Sizes.format(p.totalBytes()), Sizes.format((long) p.bytesPerSecond()),
                p.eta() == null ? "" : "ETA " + eta(p.eta()));
        show(line);
    }

    /** Replaces the line with {@code line} (a terminal only). */
    synchronized void show(String line) {
        if (!enabled) {
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    synchronized void clear() {
        if (enabled && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }

    private static String eta(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
