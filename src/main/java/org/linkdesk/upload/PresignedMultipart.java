package org.linkdesk.upload;

import java.time.Instant;
import java.util.List;

/**
 * A multipart upload started for someone else, with a presigned URL per part and for complete and abort.
 *
 * @param bucket      the bucket
 * @param key         the key
 * @param uploadId    the upload id
 * @param size        the file size the parts were planned for
 * @param partSize    bytes per part (the last part holds the rest)
 * @param parts       a PUT URL per part
 * @param completeUrl POST with the CompleteMultipartUpload XML body
 * @param abortUrl    DELETE to abort
 * @param expiresAt   when the URLs stop working
 */
public record PresignedMultipart(String bucket, String key, String uploadId, long size, long partSize,
                                 List<PartUrl> parts, String completeUrl, String abortUrl, Instant expiresAt) {

    public record PartUrl(int partNumber, String url) {
    }

    @Override
    public String toString() {
        return "PresignedMultipart[" + bucket + "/" + key + ", " + parts.size() + " parts, expiresAt=" + expiresAt + "]";
    }
}
