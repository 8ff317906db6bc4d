package org.linkdesk.core.s3;

/**
 * A call to S3 failed. {@link #getMessage()} is a short plain-words sentence for the user: what went wrong and
 * what to do.
 */
public class S3Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String errorCode;

    public S3Exception(String message, int status, String errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** S3's error code (e.g. {@code NoSuchKey}), or null. */
    public String errorCode() {
        return errorCode;
    }
}
