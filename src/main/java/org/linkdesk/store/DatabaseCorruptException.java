package org.linkdesk.store;

import java.nio.file.Path;

/**
 * The database file is damaged. When {@link #movedTo()} is set, Linkdesk has already moved the damaged file aside,
 * so opening the data directory again starts a new, empty database.
 */
public class DatabaseCorruptException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final transient Path movedTo;

    public DatabaseCorruptException(String message, Path movedTo, Throwable cause) {
        super(message, cause);
        this.movedTo = movedTo;
    }

    /** Where the damaged file now is, or null when it was left in place. */
    public Path movedTo() {
        return movedTo;
    }
}
