package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a damaged database file aside for recovery, and explains to the user what happened to it. */
final class DamagedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DamagedFiles.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DamagedFiles() {
    }

    /** Moves {@code baseName.mv.db} to {@code baseName-damaged-STAMP.mv.db}; returns where it went. */
    static Path keepAside(Path directory, String baseName) {
        Path file = directory.resolve(baseName + ".mv.db");
        String stamp = LocalDateTime.now().format(STAMP);
        Path target = directory.resolve(baseName + "-damaged-" + stamp + ".mv.db");
        for (int i = 2; Files.exists(target); i++) {
            target = directory.resolve(baseName + "-damaged-" + stamp + "-" + i + ".mv.db");
        }
        try {
            Files.move(file, target);
        } catch (IOException e) {
            throw new DatabaseCorruptException("The database file " + file + " is damaged, and Linkdesk could not "
                    + "move it aside (" + e.getMessage() + "). Move it elsewhere yourself, then start Linkdesk "
                    + "again.", null, e);
        }
        LOG.warn("Moved the damaged database {} to {}", file, target);
        return target;
    }

    /** The notice for the user after {@link Salvage}: what was wrong, what was kept, what may be lost, what to do. */
    static String explain(Path directory, Path kept, String reason, RowCopy.Result copied, long lostCommits) {
        StringBuilder s = new StringBuilder("Linkdesk found its database damaged (" + reason + "). It kept the "
                + "damaged file as " + kept + " and started a new one");
        if (copied.opened()) {
            Map<String, Long> rows = copied.rows();
            s.append(" with everything it could read from the old one: ")
                    .append(count(rows.getOrDefault("SHARE", 0L), "link"))
                    .append(", ").append(count(rows.getOrDefault("PROFILE", 0L), "profile"))
                    .append(rows.getOrDefault("VAULT", 0L) > 0 ? ", the master password" : ", but not the master "
                            + "password (set a new one; saved secret keys must be entered again)");
        } else {
            s.append(", empty: nothing in the old file could be read (set up the master password and profiles "
                    + "again)");
        }
        s.append('.');
        if (lostCommits > 0) {
            s.append(" The last ").append(count(lostCommits, "saved change"))
                    .append(" (a link, a batch of links or a profile edit each) could not be recovered.");
        }
        s.append(" To use a backup instead, close Linkdesk, copy the backup over ")
                .append(directory.resolve(Database.FILE_NAME + ".mv.db")).append(" and delete ")
                .append(directory.resolve(CommitLedger.FILE_NAME)).append('.');
        return s.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
