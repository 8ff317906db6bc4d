package org.linkdesk.core.sign;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validation of bucket names and object keys by Amazon S3's rules, with messages fit to show a user. */
public final class S3Names {
    /** S3 refuses keys longer than this many UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private S3Names() {
    }

    /** Returns why {@code bucket} is not a valid S3 bucket name, or empty when it is valid. */
    public static Optional<String> bucketProblem(String bucket) {
        if (bucket == null || bucket.isEmpty()) {
            return Optional.of("Enter a bucket name.");
        }
        if (bucket.length() < 3 || bucket.length() > 63) {
            return Optional.of("A bucket name has 3 to 63 characters (this one has " + bucket.length() + ").");
        }
        boolean bucketChars = hasOnlyBucketChars(bucket);
        if (!bucketChars && !bucket.equals(bucket.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("A bucket name has no upper-case letters.");
        }
        if (!bucketChars || !isLowerCaseLetterOrDigit(bucket.charAt(0))
                || !isLowerCaseLetterOrDigit(bucket.charAt(bucket.length() - 1))) {
            return Optional.of("A bucket name uses only a-z, 0-9, '.' and '-', and starts and ends with a letter or digit.");
        }
        if (bucket.contains("..")) {
            return Optional.of("A bucket name has no two dots in a row.");
        }
        if (bucket.contains(".-") || bucket.contains("-.")) {
            return Optional.of("A bucket name has no dot next to a hyphen.");
        }
        if (Character.isDigit(bucket.charAt(0)) && IP_ADDRESS.matcher(bucket).matches()) {
            return Optional.of("A bucket name cannot look like an IP address.");
        }
        if (bucket.startsWith("xn--") || bucket.startsWith("sthree-") || bucket.startsWith("amzn-s3-demo-")) {
            return Optional.of("A bucket name cannot start with 'xn--', 'sthree-' or 'amzn-s3-demo-'.");
        }
        if (bucket.endsWith("-s3alias") || bucket.endsWith("--ol-s3") || bucket.endsWith(".mrap")
                || bucket.endsWith("--x-s3") || bucket.endsWith("--table-s3")) {
            return Optional.of("A bucket name cannot end with a suffix S3 reserves (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3).");
        }
        return Optional.empty();
    }

    /** Returns why {@code key} is not a valid S3 object key, or empty when it is valid. */
    public static Optional<String> keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("Enter an object key.");
        }
        int bytes = 0;
        boolean broken = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (!Character.isSurrogate(c)) {
                bytes += 3;
            } else if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                broken = true;
                bytes++;
            }
        }
        if (bytes > MAX_KEY_BYTES) {
            return Optional.of("An object key is at most " + MAX_KEY_BYTES + " bytes in UTF-8 (this one has " + bytes + ").");
        }
        if (broken) {
            return Optional.of("The object key contains a broken Unicode character.");
        }
        return Optional.empty();
    }

    private static boolean hasOnlyBucketChars(String bucket) {
        for (int i = 0; i < bucket.length(); i++) {
            char c = bucket.charAt(i);
            if (!isLowerCaseLetterOrDigit(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerCaseLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    public static String requireValidBucket(String bucket) {
        Optional<String> problem = bucketProblem(bucket);
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get());
        }
        return bucket;
    }

    public static String requireValidKey(String key) {
        Optional<String> problem = keyProblem(key);
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get());
        }
        return key;
    }

    public static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
