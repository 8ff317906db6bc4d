package org.linkdesk.store;

/** Another program holds the database and Linkdesk cannot reach it to share it. */
public class DatabaseLockedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DatabaseLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
