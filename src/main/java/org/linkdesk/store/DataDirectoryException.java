package org.linkdesk.store;

/** The data directory cannot be created or written. */
public class DataDirectoryException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DataDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
