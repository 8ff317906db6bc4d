package org.linkdesk.profiles.awsconfig;

/** The credentials of an AWS CLI profile cannot be had right now; the message says why and what to do. */
public final class AwsCredentialsUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AwsCredentialsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
