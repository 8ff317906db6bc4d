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
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new InvalidInputException("'" + text + "' is not an S3 URI; write it as s3://BUCKET/KEY.");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        S3Names.bucketProblem(bucket).ifPresent(problem -> {
            throw new InvalidInputException("'" + bucket + "' in " + text + " is not a valid bucket name. " + problem);
        });
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
