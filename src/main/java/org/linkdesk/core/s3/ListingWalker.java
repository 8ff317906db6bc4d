package org.linkdesk.core.s3;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;

/** Follows continuation tokens page by page, so a caller can stream a listing of any size. */
public final class ListingWalker {
    /** Receives each page as it arrives; returns false to stop early. */
    @FunctionalInterface
    public interface PageHandler {
        boolean accept(ObjectListing page);
    }

    private final S3Http s3;
    private final S3Endpoint endpoint;
    private final AwsCredentials credentials;

    public ListingWalker(S3Http s3, S3Endpoint endpoint, AwsCredentials credentials) {
        this.s3 = s3;
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /**
     * Lists from {@code first} on, handing over each page, until the last page, the handler says stop, or
     * {@code cancelled} turns true (then {@link CancellationException}).
     *
     * @return the number of objects seen
     */
    public long walk(ListObjectsRequest first, BooleanSupplier cancelled, PageHandler handler) {
        ListObjectsRequest request = first;
        long seen = 0;
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The listing was cancelled.");
            }
            ObjectListing page = s3.listObjects(endpoint, credentials, request);
            seen += page.objects().size();
            if (!handler.accept(page) || !page.isTruncated()) {
                return seen;
            }
            request = request.next(page);
        }
    }

    /** Counts the objects under {@code prefix} at any depth, stopping once the count passes {@code limit}. */
    public long count(String bucket, String prefix, long limit, BooleanSupplier cancelled) {
        long[] n = {0};
        walk(ListObjectsRequest.recursive(bucket, prefix), cancelled, page -> {
            n[0] += page.objects().size();
            return n[0] <= limit;
        });
        return n[0];
    }
}
