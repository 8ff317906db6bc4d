package org.linkdesk.upload;

/**
 * Lets the user stop an upload: {@link #cancel()} aborts it (the server drops the parts; nothing can be resumed),
 * {@link #pause()} stops it keeping the finished parts, so a later upload of the same file resumes.
 */
public final class UploadControl {
    private volatile boolean cancelled;
    private volatile boolean paused;
    private volatile Runnable onStop = () -> { };

    public void cancel() {
        cancelled = true;
        onStop.run();
    }

    public void pause() {
        paused = true;
        onStop.run();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isStopped() {
        return cancelled || paused;
    }

    /** The engine's hook to interrupt in-flight requests. */
    void onStop(Runnable action) {
        this.onStop = action;
        if (isStopped()) {
            action.run();
        }
    }
}
