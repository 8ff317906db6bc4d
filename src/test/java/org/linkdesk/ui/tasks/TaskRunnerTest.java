package org.linkdesk.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fluent task API: callbacks in order, typed error handlers, the unhandled sink, cancel and discard. */
class TaskRunnerTest {
    private final List<String> calls = new ArrayList<>();

    @Test
    void successRunsOnSuccessThenFinally() {
        TaskHandle h = new DirectTaskRunner().run(() -> 42).onSuccess(n -> calls.add("ok " + n))
                .onError(e -> calls.add("error")).andFinally(() -> calls.add("finally")).start();
        assertThat(calls).containsExactly("ok 42", "finally");
        assertThat(h.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(h.progress()).isEqualTo(1.0);
    }

    @Test
    void theFirstMatchingErrorHandlerWinsAfterUnwrapping() {
        DirectTaskRunner tasks = new DirectTaskRunner();
        TaskHandle h = tasks.run(() -> {
            throw new java.util.concurrent.ExecutionException(new UncheckedIOException(new IOException("disk")));
        }).onError(IllegalStateException.class, e -> calls.add("state"))
                .onError(UncheckedIOException.class, e -> calls.add("io " + e.getCause().getMessage()))
                .onError(e -> calls.add("any")).andFinally(() -> calls.add("finally")).start();
        assertThat(calls).containsExactly("io disk", "finally");
        assertThat(h.state()).isEqualTo(TaskState.FAILED);
        assertThat(tasks.unhandledErrors()).isEmpty();
    }

    @Test
    void anErrorNoHandlerMatchesGoesToTheOneSink() {
        List<Throwable> sink = new ArrayList<>();
        DirectTaskRunner tasks = new DirectTaskRunner(sink::add);
        tasks.run(() -> {
            throw new IllegalArgumentException("boom");
        }).onError(IllegalStateException.class, e -> calls.add("state")).andFinally(() -> calls.add("finally"))
                .start();
        assertThat(calls).containsExactly("finally");
        assertThat(sink).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
        assertThat(tasks.unhandledErrors()).hasSize(1);
    }

    @Test
    void cancelIsCooperativeAndTruthful() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        List<Double> progress = new ArrayList<>();
        TaskHandle stops = tasks.runWithContext(context -> {
            for (int i = 0; i < 10; i++) {
                context.throwIfCancelled();
                context.progress(i, 10);
            }
            return "finished";
        }).onSuccess(calls::add).onCancelled(() -> calls.add("cancelled")).andFinally(() -> calls.add("finally"))
                .start();
        stops.addListener(() -> progress.add(stops.progress()));
        stops.cancel();
        assertThat(calls).isEmpty();
        tasks.runPending();
        assertThat(calls).containsExactly("cancelled", "finally");
        assertThat(stops.state()).isEqualTo(TaskState.CANCELLED);

        calls.clear();
        TaskHandle finishesAnyway = tasks.run(() -> "committed").onSuccess(calls::add)
                .onCancelled(() -> calls.add("cancelled")).start();
        finishesAnyway.cancel();
        tasks.runPending();
        assertThat(calls).containsExactly("committed");
    }

    @Test
    void discardRunsCancelCallbacksAtOnceAndDropsTheLateResult() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        TaskHandle h = tasks.run(() -> "late").onSuccess(calls::add).onCancelled(() -> calls.add("cancelled"))
                .andFinally(() -> calls.add("finally")).start();
        h.discard();
        assertThat(calls).containsExactly("cancelled", "finally");
        tasks.runPending();
        assertThat(calls).containsExactly("cancelled", "finally");
        assertThat(h.isCancelled()).isTrue();
    }

    @Test
    void aGroupDiscardsItsRunningTasks() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        TaskGroup group = new TaskGroup();
        group.add(tasks.run(() -> "a").onSuccess(calls::add).start());
        group.add(tasks.run(() -> "b").onSuccess(calls::add).start());
        group.cancelAll();
        tasks.runPending();
        assertThat(calls).isEmpty();
        assertThat(group.isRunning()).isFalse();
    }
}
