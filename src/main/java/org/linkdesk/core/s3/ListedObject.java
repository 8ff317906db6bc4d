package org.linkdesk.core.s3;

import java.time.Instant;

/**
 * One object as ListObjectsV2 reports it.
 *
 * @param key          the key exactly as stored
 * @param size         size in bytes
 * @param lastModified when it was last written, or null when the server did not say
 * @param etag         the ETag without surrounding quotes, or null
 * @param storageClass the storage class; {@code STANDARD} when the server did not say
 */
public record ListedObject(String key, long size, Instant lastModified, String etag, String storageClass) {
}
