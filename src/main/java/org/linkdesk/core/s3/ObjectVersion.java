package org.linkdesk.core.s3;

import java.time.Instant;

/**
 * One version of an object in a versioned bucket, or a delete marker.
 *
 * @param key          the object key
 * @param versionId    the version id ({@code null} for objects stored before versioning was turned on)
 * @param latest       whether this is the current version
 * @param deleteMarker whether this is a delete marker (no content: a link to it cannot download anything)
 * @param lastModified when the version was written
 * @param size         its size in bytes (0 for a delete marker)
 * @param etag         its ETag without quotes, or null
 */
public record ObjectVersion(String key, String versionId, boolean latest, boolean deleteMarker, Instant lastModified,
                            long size, String etag) {
}
