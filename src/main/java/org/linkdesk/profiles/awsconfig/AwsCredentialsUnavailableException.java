package org.linkdesk.profiles.awsconfig;

import org.linkdesk.core.sign.InvalidInputException;

/**
 * The credentials of an AWS CLI profile cannot be had right now (not logged in, expired SSO session, failing
 * credential_process, unknown profile); the message says why and what to do.
 */
public final class AwsCredentialsUnavailableException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public AwsCredentialsUnavailableException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
