package org.linkdesk.ui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs everything at once on the calling thread: for view-model tests without a toolkit. Unhandled errors are kept
 * ({@link #unhandledErrors()}) so a test can assert that an error reached the app's one error sink.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final List<Throwable> unhandled = new ArrayList<>();
    private final TaskScheduler scheduler;

    public DirectTaskRunner() {
        this(e -> { });
    }

    public DirectTaskRunner(Consumer<Throwable> alsoNotify) {
        this.scheduler = new TaskScheduler() {
            @Override
            public void execute(Runnable work) {
                work.run();
            }

            @Override
            public void onUiThread(Runnable action) {
                action.run();
            }

            @Override
            public void unhandled(Throwable error) {
                unhandled.add(error);
                alsoNotify.accept(error);
            }
        };
    }

    @Override
    public <T> Task<T> runWithContext(Work<T> work) {
        return new Task<>(work, scheduler);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    /** Errors no {@code onError} handled, oldest first. */
    public List<Throwable> unhandledErrors() {
        return List.copyOf(unhandled);
    }
}
