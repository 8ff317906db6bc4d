package org.linkdesk.app;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
        pending = CompletableFuture.supplyAsync(() -> Services.open(dataDirectory), runnable -> {
            Thread thread = new Thread(runnable, "linkdesk-open-services");
            thread.setDaemon(true);
            thread.start();
        });
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
