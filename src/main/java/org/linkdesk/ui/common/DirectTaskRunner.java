package org.linkdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything at once on the calling thread: for view-model tests without a toolkit. */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError, Runnable onFinally) {
        try {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onError.accept(e);
                return;
            }
            onSuccess.accept(result);
        } finally {
            if (onFinally != null) {
                onFinally.run();
            }
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }
}
