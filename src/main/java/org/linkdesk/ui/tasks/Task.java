package org.linkdesk.ui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A task being set up: what to do on success, on which errors, on cancel and in any case; {@link #start()} runs it.
 * Callbacks run on the UI thread, in this order: {@code onSuccess} or the first matching {@code onError} (in the
 * order given) or {@code onCancelled}, then {@code andFinally}. An error no handler matches goes to the runner's
 * unhandled-error sink. A cancelled task delivers neither its result nor its error.
 */
public final class Task<T> {
    private final Work<T> work;
    private final TaskScheduler scheduler;
    private Consumer<? super T> onSuccess = result -> { };
    private final List<ErrorHandler<?>> onError = new ArrayList<>();
    private Runnable onCancelled = () -> { };
    private Runnable andFinally = () -> { };
    private boolean started;

    Task(Work<T> work, TaskScheduler scheduler) {
        this.work = Objects.requireNonNull(work, "work");
        this.scheduler = scheduler;
    }

    public Task<T> onSuccess(Consumer<? super T> handler) {
        onSuccess = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Handles errors of {@code type} (after unwrapping ExecutionException and CompletionException). */
    public <E extends Throwable> Task<T> onError(Class<E> type, Consumer<? super E> handler) {
        onError.add(new ErrorHandler<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler")));
        return this;
    }

    /** Handles every error not matched by an earlier {@code onError}. */
    public Task<T> onError(Consumer<Throwable> handler) {
        return onError(Throwable.class, handler);
    }

    public Task<T> onCancelled(Runnable handler) {
        onCancelled = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Runs last, after success, error or cancel. */
    public Task<T> andFinally(Runnable handler) {
        andFinally = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Starts the work (once). */
    public TaskHandle start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        RunningTask<T> running = new RunningTask<>(this, scheduler);
        scheduler.execute(running::runWork);
        return running;
    }

    Work<T> work() {
        return work;
    }

    void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            andFinally.run();
        }
    }

    void failed(Throwable error) {
        try {
            Throwable cause = unwrap(error);
            for (ErrorHandler<?> handler : onError) {
                if (handler.handle(cause)) {
                    return;
                }
            }
            scheduler.unhandled(cause);
        } finally {
            andFinally.run();
        }
    }

    void cancelled() {
        try {
            onCancelled.run();
        } finally {
            andFinally.run();
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.ExecutionException
                || e instanceof java.util.concurrent.CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        boolean handle(Throwable error) {
            if (!type.isInstance(error)) {
                return false;
            }
            handler.accept(type.cast(error));
            return true;
        }
    }
}
