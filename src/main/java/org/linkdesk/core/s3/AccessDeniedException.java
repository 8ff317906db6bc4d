package org.linkdesk.core.s3;

/** 403: the server refused these credentials for this request. */
public class AccessDeniedException extends S3Exception {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message, String errorCode) {
        super(message, 403, errorCode, null);
    }

    /** For refusals S3 answers with another status, such as 400 ExpiredToken. */
    public AccessDeniedException(String message, int status, String errorCode) {
        super(message, status, errorCode, null);
    }
}
