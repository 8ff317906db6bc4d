package org.linkdesk.upload;

/** The user cancelled (the upload was aborted) or paused (it can be resumed) an upload. */
public final class UploadStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean resumable;

    public UploadStoppedException(String message, boolean resumable) {
        super(message);
        this.resumable = resumable;
    }

    public boolean resumable() {
        return resumable;
    }
}
