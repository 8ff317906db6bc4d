package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves a damaged database file aside so a new one can be started, keeping the old one for recovery. */
final class DamagedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DamagedFiles.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DamagedFiles() {
    }

    static DatabaseCorruptException moveAside(Path directory, String baseName, Throwable cause) {
        Path file = directory.resolve(baseName + ".mv.db");
        if (!Files.exists(file)) {
            return new DatabaseCorruptException("The database in " + directory + " is damaged and could not be "
                    + "opened. Choose another folder with --data-dir or LINKDESK_HOME.", null, cause);
        }
        String stamp = LocalDateTime.now().format(STAMP);
        Path target = directory.resolve(baseName + "-damaged-" + stamp + ".mv.db");
        for (int i = 2; Files.exists(target); i++) {
            target = directory.resolve(baseName + "-damaged-" + stamp + "-" + i + ".mv.db");
        }
        try {
            Files.move(file, target);
        } catch (IOException e) {
            cause.addSuppressed(e);
            return new DatabaseCorruptException("The database file " + file + " is damaged, and Linkdesk could not "
                    + "move it aside (" + e.getMessage() + "). Move or delete it yourself, then start Linkdesk again.",
                    null, cause);
        }
        LOG.warn("Moved the damaged database {} to {} ({})", file, target, cause.toString());
        return new DatabaseCorruptException("The database file " + file + " is damaged; Linkdesk moved it aside to "
                + target + ". Opening Linkdesk again starts a new, empty database (profiles and history need "
                + "setting up again; the old file is kept for recovery).", target, cause);
    }
}
