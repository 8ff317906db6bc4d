package org.linkdesk.app;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.linkdesk.wiring.Services;

/**
 * The services (H2 and the schema check) opening on a background thread from the first line of {@code main}, while
 * JavaFX starts its toolkit and shows the window, instead of one after the other. {@link GuiMain} starts it and
 * hands it to the {@link LinkdeskApp} it creates.
 */
final class ServicesOpening {
    private final Path dataDirectory;
    private final CompletableFuture<Services> opened;

    private ServicesOpening(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        // The HTTP client (its TLS set-up) is made on first use, once the window is up: not needed before unlocking.
        this.opened = CompletableFuture.supplyAsync(() -> warm(Services.open(dataDirectory)),
                runnable -> daemon(runnable, "linkdesk-open-services"));
    }

    static ServicesOpening start(Path dataDirectory) {
        return new ServicesOpening(dataDirectory);
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

    Path dataDirectory() {
        return dataDirectory;
    }

    CompletableFuture<Services> opened() {
        return opened;
    }
}
