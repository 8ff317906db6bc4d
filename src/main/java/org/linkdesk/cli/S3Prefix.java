package org.linkdesk.cli;

import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Names;

/**
 * A bucket and a key prefix named as {@code s3://BUCKET[/PREFIX]}; the prefix is taken literally (no
 * percent-decoding) and may be empty.
 */
record S3Prefix(String bucket, String prefix) {
    private static final String SCHEME = "s3://";

    static S3Prefix parse(String text) {
        return parse(text, "s3://BUCKET or s3://BUCKET/PREFIX/");
    }

    /** Splits {@code text} after the bucket's slash and checks the bucket name; {@code form} is the usage shown. */
    static S3Prefix parse(String text, String form) {
        if (text == null || !text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new InvalidInputException("'" + text + "' is not an S3 URI; write it as " + form + ".");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        S3Names.bucketProblem(bucket).ifPresent(problem -> {
            throw new InvalidInputException("'" + bucket + "' in " + text + " is not a valid bucket name. " + problem);
        });
        return new S3Prefix(bucket, prefix);
    }

    /** The prefix as a folder: with a trailing "/" unless empty. */
    String asFolder() {
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }
}
