package org.linkdesk.upload;

/** What to do when the key an upload would write already holds an object. */
public enum ExistingKeyPolicy {
    /** Replace it. */
    OVERWRITE,
    /** Upload under "name (1).ext" (the first free number). */
    KEEP_BOTH,
    /** Leave it and do not upload. */
    SKIP
}
