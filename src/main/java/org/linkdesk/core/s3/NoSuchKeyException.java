package org.linkdesk.core.s3;

/** 404: the bucket exists but holds no object under that key. */
public class NoSuchKeyException extends S3Exception {
    private static final long serialVersionUID = 1L;

    public NoSuchKeyException(String bucket, String key) {
        super("No object \"" + key + "\" in bucket " + bucket + ". Check the key: it is case-sensitive and must match exactly.",
                404, "NoSuchKey", null);
    }
}
