package org.linkdesk.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * A record kept next to the database file ({@code linkdesk.state}) of what the database must at least hold: its
 * identity, how many changes were committed to it, whether the last process holding it closed it (and the file's
 * length then). H2 can open a file cut short as if nothing happened, by falling back to an older version of its
 * contents; comparing that file with this record tells. Written only by the process holding the {@link OpenLock},
 * always after the database commit it describes, and replaced atomically, so a kill at any moment leaves the record
 * behind the database, never ahead of it.
 */
final class CommitLedger {
    static final String FILE_NAME = "linkdesk.state";

    /**
     * @param length   the database file's length when it was last closed cleanly, or -1 while a process holds it
     * @param modified the file's modification time (ms) then, or -1
     */
    record State(String databaseId, long commits, long length, long modified, boolean verifyNextOpen) {
        static final State NONE = new State(null, 0, -1, -1, false);

        boolean known() {
            return databaseId != null;
        }

        boolean closedCleanly() {
            return length >= 0;
        }

    }

    private final Path file;

    CommitLedger(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    State read() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return State.NONE;
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable record proves nothing either way; the database is then checked in full.
            return new State(null, 0, -1, -1, true);
        }
        try {
            return new State(p.getProperty("database-id"), Long.parseLong(p.getProperty("commits", "0")),
                    Long.parseLong(p.getProperty("closed-length", "-1")),
                    Long.parseLong(p.getProperty("closed-modified", "-1")),
                    Boolean.parseBoolean(p.getProperty("verify-next-open", "false")));
        } catch (NumberFormatException e) {
            return new State(null, 0, -1, -1, true);
        }
    }

    void write(State s) throws IOException {
        Properties p = new Properties();
        if (s.databaseId() != null) {
            p.setProperty("database-id", s.databaseId());
        }
        p.setProperty("commits", Long.toString(s.commits()));
        p.setProperty("closed-length", Long.toString(s.length()));
        p.setProperty("closed-modified", Long.toString(s.modified()));
        p.setProperty("verify-next-open", Boolean.toString(s.verifyNextOpen()));
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            if (PrivateFiles.isPosix()) {
                Files.setPosixFilePermissions(tmp, PrivateFiles.FILE);
            }
            p.store(w, "Linkdesk: what the database file must hold. Delete this file after restoring a backup.");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
