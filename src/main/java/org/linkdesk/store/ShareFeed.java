package org.linkdesk.store;

import java.util.Iterator;

/**
 * Shares to import, read one at a time (a file is streamed, never held whole). Closed by the import; it may throw
 * while iterating, which rolls the whole import back.
 */
public interface ShareFeed extends Iterator<ImportedShare>, AutoCloseable {
    @Override
    void close();
}
