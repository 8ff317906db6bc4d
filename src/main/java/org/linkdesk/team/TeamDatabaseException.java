package org.linkdesk.team;

import org.linkdesk.store.StoreException;

/** The team database could not be reached, refused the login, or is newer than this Linkdesk; the message says why. */
public class TeamDatabaseException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final boolean unreachable;

    public TeamDatabaseException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** True when the server could not be reached at all (the outbox keeps new links until it is back). */
    public boolean unreachable() {
        return unreachable;
    }
}
