package org.linkdesk.core.s3;

import org.linkdesk.core.sign.InvalidInputException;

/**
 * What to list with ListObjectsV2.
 *
 * @param bucket            the bucket
 * @param prefix            only keys starting with this ("" for all)
 * @param delimiter         group keys by this after the prefix (usually "/"), or null to list every key below
 * @param continuationToken the previous page's {@link ObjectListing#nextContinuationToken()}, or null for the first
 * @param maxKeys           the most keys and prefixes in one page, 1 to 1 000
 */
public record ListObjectsRequest(String bucket, String prefix, String delimiter, String continuationToken,
                                 int maxKeys) {
    public static final int MAX_PAGE = 1_000;

    public ListObjectsRequest {
        prefix = prefix == null ? "" : prefix;
        if (maxKeys < 1 || maxKeys > MAX_PAGE) {
            throw new InvalidInputException("A listing page holds 1 to 1 000 keys.");
        }
        if (delimiter != null && delimiter.isEmpty()) {
            delimiter = null;
        }
    }

    /** The first page of the folder {@code prefix}, grouped by "/". */
    public static ListObjectsRequest folder(String bucket, String prefix) {
        return new ListObjectsRequest(bucket, prefix, "/", null, MAX_PAGE);
    }

    /** The first page of every key under {@code prefix}, at any depth. */
    public static ListObjectsRequest recursive(String bucket, String prefix) {
        return new ListObjectsRequest(bucket, prefix, null, null, MAX_PAGE);
    }

    /** The same request for the page after {@code page}. */
    public ListObjectsRequest next(ObjectListing page) {
        return new ListObjectsRequest(bucket, prefix, delimiter, page.nextContinuationToken(), maxKeys);
    }
}
