package org.linkdesk.core.s3;

/** Any other error answer (5xx, unexpected 4xx). */
public class S3ServerException extends S3Exception {
    private static final long serialVersionUID = 1L;

    public S3ServerException(String message, int status, String errorCode) {
        super(message, status, errorCode, null);
    }
}
