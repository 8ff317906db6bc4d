package org.linkdesk.profiles;

/** The OS keychain refused or failed; the message says what to do. */
public final class KeychainException extends org.linkdesk.store.StoreException {
    private static final long serialVersionUID = 1L;

    public KeychainException(String message, Throwable cause) {
        super(message, cause);
    }
}
