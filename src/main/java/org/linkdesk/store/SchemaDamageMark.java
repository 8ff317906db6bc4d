package org.linkdesk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * A file whose pages read back fine can still hold a garbled catalogue (a flipped bit in a table or column name
 * that H2's chunk checksums do not cover): opening then fails on Linkdesk's own, tested statements with "table not
 * found" or an internal error. Such a failure leaves this mark beside the file, and the next open treats the file
 * as damaged (kept aside and salvaged) — the mark stays until that is done, so a crash in between changes nothing.
 */
final class SchemaDamageMark {
    static final String FILE = "linkdesk.damaged";

    private SchemaDamageMark() {
    }

    /** Whether an error raised while opening says the catalogue, not the request, is wrong. */
    static boolean isGarbledCatalogue(Throwable e) {
        if (SqlErrors.isDiskFull(e)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                switch (sql.getErrorCode()) {
                    case ErrorCode.GENERAL_ERROR_1, ErrorCode.COLUMN_NOT_FOUND_1, ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1,
                            ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2,
                            ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1 -> {
                        return true;
                    }
                    default -> {
                        // keep looking down the chain
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether opening timed out on a row lock. The open runs with the file to itself (no other Linkdesk session is
     * connected), so the lock is one H2 kept from a transaction killed inside its commit: H2 2.5 then leaves part
     * of that transaction's rows visible and never releases their locks, and every later write waits forever.
     */
    static boolean isLeftoverLock(Throwable e) {
        return SqlErrors.code(e) == ErrorCode.LOCK_TIMEOUT_1;
    }

    static void write(Path directory, String reason) {
        try {
            Path mark = directory.resolve(FILE);
            Files.writeString(mark, reason, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            PrivateFiles.secureFilesQuietly(directory);
        } catch (IOException e) {
            throw new DataDirectoryException("Linkdesk found its database in " + directory + " damaged but could "
                    + "not note it (" + e.getMessage() + "). Check the folder's permissions.", e);
        }
    }

    /** The reason noted by a failed open, or null. */
    static String read(Path directory) {
        try {
            Path mark = directory.resolve(FILE);
            if (!Files.exists(mark)) {
                return null;
            }
            String reason = Files.readString(mark, StandardCharsets.UTF_8).strip();
            return reason.isEmpty() || reason.length() > 200 ? "its table catalogue cannot be read" : reason;
        } catch (IOException e) {
            return "its table catalogue cannot be read";
        }
    }

    static void clear(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(FILE));
        } catch (IOException ignored) {
            // Left behind, it makes the next open salvage again: a copy too many, nothing lost.
        }
    }
}
