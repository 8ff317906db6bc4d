package org.linkdesk.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.threads.UiThreadGuard;
import org.linkdesk.store.Database;

/** The test runs turn the guard on: H2 on a thread named like the FX thread fails; elsewhere it works. */
class UiThreadGuardTest {

    @Test
    void anH2QueryOnTheUiThreadFails(@TempDir Path dir) throws Exception {
        assertThat(UiThreadGuard.isEnabled()).as("surefire sets linkdesk.uiThreadGuard").isTrue();
        try (Database db = Database.open(dir)) {
            assertThat((Integer) db.read(c -> 1)).isEqualTo(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread fx = new Thread(() -> {
                try {
                    db.read(c -> 1);
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, UiThreadGuard.FX_THREAD_NAME);
            fx.start();
            fx.join();
            assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("H2 query");
        }
    }
}
