package org.linkdesk.store;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Checks the database file before H2 opens it: H2 reports a folder in its place, or a file this user may not read
 * or write, only as "disk full?" or an error number. Here the user learns which file and what to do.
 */
public final class DatabaseFiles {
    private DatabaseFiles() {
    }

    /** Returns {@code dataDirectory} when its database file is absent or usable, else throws with what to do. */
    public static Path requireUsable(Path dataDirectory) {
        Path file = dataDirectory.resolve(Database.FILE_NAME + ".mv.db");
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(file)) {
            return dataDirectory;
        }
        if (Files.isDirectory(file)) {
            throw problem(file, "is a folder, where Linkdesk keeps its database file. Move that folder away, or "
                    + "choose another data folder with --data-dir or LINKDESK_HOME.");
        }
        if (!Files.exists(file)) {
            throw problem(file, "is a link to a file that does not exist. Remove the link, or restore the file "
                    + "it points to from a backup.");
        }
        if (!Files.isRegularFile(file)) {
            throw problem(file, "is not a regular file. Move it away, or choose another data folder with "
                    + "--data-dir or LINKDESK_HOME.");
        }
        if (!Files.isReadable(file)) {
            throw problem(file, "cannot be read by this user (permission denied). It should belong to you with "
                    + "mode 600: chown/chmod it, or run Linkdesk as its owner.");
        }
        if (!Files.isWritable(file)) {
            throw problem(file, "is read-only for this user. Linkdesk must write to it: make it writable "
                    + "(chmod u+w), or run Linkdesk as its owner.");
        }
        return dataDirectory;
    }

    private static DataDirectoryException problem(Path file, String what) {
        return new DataDirectoryException("The database file " + file + " " + what, null);
    }
}
