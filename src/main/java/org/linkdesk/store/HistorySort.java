package org.linkdesk.store;

/** The columns the history can be sorted by, each backed by an index led by its column(s). */
public enum HistorySort {
    CREATED("created_at"),
    PROFILE("profile_name", "created_at"),
    BUCKET("bucket", "created_at"),
    KEY("object_key"),
    METHOD("method", "created_at"),
    EXPIRES("expires_at"),
    /** Object gone / changed first (by state), then by expiry, which orders expired, expiring and active. */
    STATUS("object_state", "expires_at"),
    NOTE("note"),
    RECIPIENT("recipient"),
    TAGS("tags");

    private final String[] columns;

    HistorySort(String... columns) {
        this.columns = columns;
    }

    String[] columns() {
        return columns;
    }
}
