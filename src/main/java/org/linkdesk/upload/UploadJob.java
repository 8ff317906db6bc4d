package org.linkdesk.upload;

import java.nio.file.Path;

/**
 * One file to upload.
 *
 * @param file          the local file
 * @param bucket        the bucket
 * @param key           the final key (already sanitised and decided)
 * @param contentType   the Content-Type to store
 * @param partSize      the part size asked for (the plan may grow it to stay within 10 000 parts)
 * @param concurrency   parts in flight at once
 * @param resume        continue a stored unfinished upload of the same file (path, size, mtime) to the same key
 * @param adoptUploadId continue this existing multipart upload (e.g. one another tool started), or null
 */
public record UploadJob(Path file, String bucket, String key, String contentType, long partSize, int concurrency,
                        boolean resume, String adoptUploadId) {

    public UploadJob {
        if (concurrency < 1 || concurrency > 64) {
            throw new org.linkdesk.core.sign.InvalidInputException("The concurrency must be between 1 and 64.");
        }
    }
}
