package org.linkdesk.browse;

import java.time.Instant;
import java.util.Comparator;
import org.linkdesk.core.s3.ListedObject;

/**
 * A row of the object browser: a folder (common prefix) or an object.
 *
 * @param name the part after the current prefix (a folder's ends in "/")
 * @param key  the full key, or for a folder the full prefix
 */
public record BrowserEntry(String name, String key, boolean folder, long size, Instant lastModified, String etag,
                           String storageClass) {

    /** Folders before objects, whatever the column order. */
    public static final Comparator<BrowserEntry> FOLDERS_FIRST = Comparator.comparing(e -> !e.folder());

    public static BrowserEntry folder(String prefix, String parent) {
        return new BrowserEntry(prefix.substring(parent.length()), prefix, true, -1, null, null, null);
    }

    public static BrowserEntry object(ListedObject o, String parent) {
        String name = o.key().startsWith(parent) ? o.key().substring(parent.length()) : o.key();
        return new BrowserEntry(name.isEmpty() ? o.key() : name, o.key(), false, o.size(), o.lastModified(), o.etag(),
                o.storageClass());
    }

    /** As ListObjectsV2 reported it (objects only). */
    public ListedObject toListedObject() {
        return new ListedObject(key, size, lastModified, etag, storageClass);
    }
}
