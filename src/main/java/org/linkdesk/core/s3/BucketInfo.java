package org.linkdesk.core.s3;

import java.time.Instant;

/**
 * A bucket as ListBuckets reports it.
 *
 * @param name         the bucket name
 * @param creationDate when it was created, or null when the server did not say
 */
public record BucketInfo(String name, Instant creationDate) {
}
