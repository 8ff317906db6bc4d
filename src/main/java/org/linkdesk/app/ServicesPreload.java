package org.linkdesk.app;

import org.linkdesk.wiring.Services;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the services (H2 and the schema check) on a background thread from the first line
 * of {@code main}, while JavaFX starts its toolkit and shows the window, instead of one after the other.
 * {@link GuiMain} starts it; {@link LinkdeskApp} takes the result.
 */
final class ServicesPreload {
    private static volatile CompletableFuture<Services> pending;
    private static volatile Path pendingDirectory;

    private ServicesPreload() {
    }

    static void start(Path dataDirectory) {
        pendingDirectory = dataDirectory;
        pending = open(dataDirectory);
    }

    private static CompletableFuture<Services> open(Path dataDirectory) {
        // The HTTP client (its TLS set-up) is made on first use, once the window is up: not needed before unlocking.
        return CompletableFuture.supplyAsync(() -> warm(Services.open(dataDirectory)),
                runnable -> daemon(runnable, "linkdesk-open-services"));
    }

    /** The window's first question (is there a master password yet?) runs its first query here, off the FX path. */
    private static Services warm(Services services) {
        try {
            services.vault().isCreated();
        } catch (RuntimeException e) {
            // Asked again by the window, which reports the failure.
        }
        return services;
    }

    private static void daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The services for {@code dataDirectory}, opening: the preloaded ones when they were started for it. */
    static CompletableFuture<Services> take(Path dataDirectory) {
        CompletableFuture<Services> future = pending;
        pending = null;
        if (future != null && dataDirectory.equals(pendingDirectory)) {
            return future;
        }
        if (future != null) {
            future.thenAccept(Services::close);
        }
        return open(dataDirectory);
    }
}
