package org.linkdesk.core.s3;

import java.util.List;

/**
 * One page of ListObjectsV2.
 *
 * @param bucket                the bucket listed
 * @param prefix                the prefix asked for ("" for the whole bucket)
 * @param objects               the objects of this page, in the server's (key) order
 * @param commonPrefixes        with a delimiter: the "folders" directly below {@code prefix}, each ending in it
 * @param nextContinuationToken the token for the next page, or null when this is the last one
 */
public record ObjectListing(String bucket, String prefix, List<ListedObject> objects, List<String> commonPrefixes,
                            String nextContinuationToken) {

    public ObjectListing {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    /** Whether more pages follow. */
    public boolean isTruncated() {
        return nextContinuationToken != null;
    }
}
