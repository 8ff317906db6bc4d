package org.linkdesk.core.s3;

/** 404: the bucket does not exist (on this endpoint). */
public class NoSuchBucketException extends S3Exception {
    private static final long serialVersionUID = 1L;

    public NoSuchBucketException(String bucket) {
        super("Bucket " + bucket + " does not exist on this endpoint. Check the bucket name and the profile's endpoint.",
                404, "NoSuchBucket", null);
    }
}
