package org.linkdesk.core.s3;

import java.time.Instant;

/** An unfinished multipart upload in a bucket, as ListMultipartUploads reports it (made by any tool). */
public record MultipartUpload(String bucket, String key, String uploadId, Instant initiated) {
}
