package org.linkdesk.upload;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.linkdesk.core.s3.S3Exception;
import org.linkdesk.core.s3.S3NetworkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries a call on network failures and 5xx answers with exponential backoff and jitter. */
final class Retry {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
    static final int ATTEMPTS = 5;
    private static final long FIRST_DELAY_MILLIS = 250;
    private static final long MAX_DELAY_MILLIS = 8_000;

    private Retry() {
    }

    /** Runs {@code call}; before each retry {@code beforeRetry} runs (e.g. to take back counted progress). */
    static <T> T call(String what, UploadControl control, Runnable beforeRetry, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (S3Exception e) {
                if (control.isStopped() || Thread.currentThread().isInterrupted() || !retryable(e)
                        || attempt >= ATTEMPTS) {
                    throw e;
                }
                long delay = Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << (attempt - 1));
                delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
                LOG.info("{} failed (attempt {} of {}): {}; retrying in {} ms", what, attempt, ATTEMPTS,
                        e.getMessage(), delay);
                beforeRetry.run();
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean retryable(S3Exception e) {
        return e instanceof S3NetworkException || e.status() >= 500 || e.status() == 0;
    }
}
