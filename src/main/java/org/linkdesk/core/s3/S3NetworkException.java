package org.linkdesk.core.s3;

/** No usable answer: timeout, connection refused, unknown host, TLS failure. */
public class S3NetworkException extends S3Exception {
    private static final long serialVersionUID = 1L;

    public S3NetworkException(String message, Throwable cause) {
        super(message, 0, null, cause);
    }
}
