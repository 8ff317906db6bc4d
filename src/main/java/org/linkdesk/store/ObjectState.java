package org.linkdesk.store;

/** What the last check (HEAD) found about a share's object. */
public enum ObjectState {
    /** Never checked. */
    UNKNOWN,
    /** There, with the ETag recorded when the link was made (or no ETag to compare). */
    PRESENT,
    /** HEAD said 404. */
    GONE,
    /** There, but with another ETag: it was overwritten. */
    CHANGED
}
