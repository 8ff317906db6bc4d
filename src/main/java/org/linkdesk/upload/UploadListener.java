package org.linkdesk.upload;

/** Hears an upload's progress (a few times a second at most) from the upload's worker threads. */
@FunctionalInterface
public interface UploadListener {
    UploadListener NONE = progress -> { };

    void progress(UploadProgress progress);
}
