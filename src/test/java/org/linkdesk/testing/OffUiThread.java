package org.linkdesk.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a test's data set-up (H2, S3) on a plain thread and waits for it: a TestFX {@code @Start} method runs on the FX
 * thread, where the UI-thread guard (on in the test runs) refuses such work.
 */
public final class OffUiThread {
    private OffUiThread() {
    }

    /** Like {@link #run}, for set-up that hands back what it made (e.g. the opened services). */
    public static <T> T call(java.util.function.Supplier<T> setUp) {
        try {
            return CompletableFuture.supplyAsync(setUp).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public static void run(Runnable setUp) {
        try {
            CompletableFuture.runAsync(setUp).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
