package org.linkdesk.store;

/** The master password does not open the vault. Nothing was changed. */
public class WrongPasswordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super("That master password is not correct. Nothing was changed; try again.");
    }
}
