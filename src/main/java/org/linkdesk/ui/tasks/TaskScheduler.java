package org.linkdesk.ui.tasks;

/** Where a runner executes work and delivers outcomes; its two implementations are the two runners. */
interface TaskScheduler {
    void execute(Runnable work);

    void onUiThread(Runnable action);

    void unhandled(Throwable error);
}
