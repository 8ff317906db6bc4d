package org.linkdesk.core.sign;

/** Input from a user or a file that cannot be used; the message is a complete sentence fit to show. */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
