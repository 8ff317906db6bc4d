package org.linkdesk.core.s3;

/** The bucket lives in another region than the one the request was signed for. */
public class WrongRegionException extends S3Exception {
    private static final long serialVersionUID = 1L;
    private final String bucketRegion;

    public WrongRegionException(String bucket, String signedRegion, String bucketRegion, int status) {
        super("Bucket " + bucket + " is in region " + bucketRegion + ", not " + signedRegion
                + ". Set the profile's region to " + bucketRegion + ".", status, "AuthorizationHeaderMalformed", null);
        this.bucketRegion = bucketRegion;
    }

    private WrongRegionException(String message, String expectedRegion, int status, String errorCode) {
        super(message, status, errorCode, null);
        this.bucketRegion = expectedRegion;
    }

    /** A bucket-less call (ListBuckets) signed for a region the endpoint does not serve. */
    public static WrongRegionException forEndpoint(String signedRegion, String expectedRegion, int status,
                                                   String errorCode) {
        return new WrongRegionException("This endpoint expects region " + expectedRegion + ", not " + signedRegion
                + ". Set the profile's region to " + expectedRegion + ".", expectedRegion, status, errorCode);
    }

    /** The region the bucket (or, for {@link #forEndpoint}, the endpoint) is in. */
    public String bucketRegion() {
        return bucketRegion;
    }
}
