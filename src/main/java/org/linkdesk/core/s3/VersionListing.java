package org.linkdesk.core.s3;

import java.util.List;

/**
 * One page of ListObjectVersions.
 *
 * @param versions            versions and delete markers, newest first per key, in key order
 * @param truncated           whether more pages follow
 * @param nextKeyMarker       with {@link #nextVersionIdMarker}, where the next page starts
 * @param nextVersionIdMarker see {@link #nextKeyMarker}
 */
public record VersionListing(List<ObjectVersion> versions, boolean truncated, String nextKeyMarker,
                             String nextVersionIdMarker) {
    public VersionListing {
        versions = List.copyOf(versions);
    }
}
