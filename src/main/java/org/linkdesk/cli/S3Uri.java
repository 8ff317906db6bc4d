package org.linkdesk.cli;

import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Names;

/**
 * An object named as {@code s3://BUCKET/KEY}. The key is everything after the bucket's slash, taken literally: no
 * percent-decoding, no trimming, so {@code s3://b//x} is key {@code /x} and {@code s3://b/a b+c} is key {@code a b+c}.
 */
public record S3Uri(String bucket, String key) {
    private static final String SCHEME = "s3://";

    public static S3Uri parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("Name an object as s3://BUCKET/KEY.");
        }
        S3Prefix where = S3Prefix.parse(text, "s3://BUCKET/KEY");
        String bucket = where.bucket();
        String key = where.prefix();
        if (key.isEmpty()) {
            throw new InvalidInputException(text + " names no object; write it as s3://" + bucket + "/KEY.");
        }
        S3Names.keyProblem(key).ifPresent(problem -> {
            throw new InvalidInputException("The key in " + text + " cannot be used. " + problem);
        });
        return new S3Uri(bucket, key);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
