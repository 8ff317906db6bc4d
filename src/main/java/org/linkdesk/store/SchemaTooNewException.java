package org.linkdesk.store;

/** The database was last used by a newer Linkdesk whose changes this version does not know. Nothing was changed. */
public class SchemaTooNewException extends StoreException {
    private static final long serialVersionUID = 1L;

    public SchemaTooNewException(String message) {
        super(message);
    }
}
