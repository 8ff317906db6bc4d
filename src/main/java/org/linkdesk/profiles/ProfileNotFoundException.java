package org.linkdesk.profiles;

import org.linkdesk.core.sign.InvalidInputException;

/** The profile asked for does not exist (any more). */
public class ProfileNotFoundException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ProfileNotFoundException(String message) {
        super(message);
    }
}
