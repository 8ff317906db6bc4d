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

    public String bucketRegion() {
        return bucketRegion;
    }
}
