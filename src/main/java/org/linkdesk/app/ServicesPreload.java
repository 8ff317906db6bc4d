package org.linkdesk.app;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.linkdesk.core.s3.S3Http;

/**
 * Opens the services (H2, Flyway check, the HTTP client's TLS set-up: about half of a cold start) on a background
 * thread while JavaFX starts its toolkit, instead of one after the other. {@link GuiMain} starts it;
 * {@link LinkdeskApp#init()} takes the result, or opens the services itself when nothing was started (tests).
 */
final class ServicesPreload {
    private static volatile CompletableFuture<Services> pending;
    private static volatile Path pendingDirectory;

    private ServicesPreload() {
    }

    static void start(Path dataDirectory) {
        pendingDirectory = dataDirectory;
        // The HTTP client's TLS set-up and the database open side by side, each on its own thread.
        CompletableFuture<S3Http> http = CompletableFuture.supplyAsync(S3Http::createDefault,
                runnable -> daemon(runnable, "linkdesk-http-client"));
        pending = CompletableFuture.supplyAsync(() -> Services.open(dataDirectory, http::join),
                runnable -> daemon(runnable, "linkdesk-open-services"));
    }

    private static void daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The services for {@code dataDirectory}: the preloaded ones when they were opened for it. */
    static Services take(Path dataDirectory) {
        CompletableFuture<Services> future = pending;
        pending = null;
        if (future == null || !dataDirectory.equals(pendingDirectory)) {
            if (future != null) {
                future.thenAccept(Services::close);
            }
            return Services.open(dataDirectory);
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
