package org.linkdesk.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.linkdesk.store.Database;
import org.linkdesk.store.StoreException;

/**
 * Refuses an import the disk cannot hold, before anything is written: running out of space half-way would roll
 * back after the database file had grown, and a database that ran out of space may refuse to open.
 */
final class ImportSpace {
    /**
     * Bytes the database grows by per byte of export file when rows go in one at a time with every index: measured
     * 20 000 rows, 9.4 MB of CSV peaked at 221 MB (23.5×) since H2 no longer compacts in place (docs/RELIABILITY.md,
     * "Import"); the file is back to about 1× when the import's process closes it.
     */
    static final long ROW_BY_ROW_BYTES_PER_FILE_BYTE = 25;
    /**
     * The same when the import builds the share table's ordering indexes after its commit (a large import): the
     * same file grew by 55 MB (5.9×) into an empty history and by 74 MB (7.9×) into one of 20 000 rows.
     */
    static final long REBUILD_BYTES_PER_FILE_BYTE = 8;
    /**
     * Building the indexes again writes them whole while the dropped ones still take room: up to about twice the
     * database's size before (22 MB for the 9.6 MB one above).
     */
    static final long REBUILD_BYTES_PER_DATABASE_BYTE = 2;
    /** Left free after the import, for the journal and other processes. */
    static final long RESERVE = 64L << 20;

    /** Less free space than this after a failure means the disk was full. */
    private static final long FULL_BELOW = 8L << 20;

    private ImportSpace() {
    }

    /** Refuses before reading the file when even the cheaper way of importing cannot fit. */
    static void requireLeast(Path file, Path dataDirectory) {
        require(file, dataDirectory, null);
    }

    /** Refuses when the way the store will import ({@code rebuildsIndexes}) cannot fit. */
    static void require(Path file, Path dataDirectory, boolean rebuildsIndexes) {
        require(file, dataDirectory, Boolean.valueOf(rebuildsIndexes));
    }

    private static void require(Path file, Path dataDirectory, Boolean rebuildsIndexes) {
        long size;
        long database;
        long free;
        try {
            size = Files.size(file);
            Path db = dataDirectory.resolve(Database.FILE_NAME + ".mv.db");
            database = Files.exists(db) ? Files.size(db) : 0;
            free = Files.getFileStore(dataDirectory).getUsableSpace();
        } catch (IOException e) {
            return; // Unknown: the import itself reports a full disk, rolled back.
        }
        long need = rebuildsIndexes == null ? Math.min(needed(size, database, true), needed(size, database, false))
                : needed(size, database, rebuildsIndexes);
        if (free < need) {
            throw new StoreException("Not enough free disk space to import " + file.getFileName() + ": it "
                    + "needs about " + megabytes(need) + " in " + dataDirectory + ", and " + megabytes(free)
                    + " are free. Free some space and try again. Nothing was imported.");
        }
    }

    /**
     * A database failure during the import, in plain words when the disk filled up meanwhile (another program
     * wrote, or the estimate was short): the transaction was rolled back, so nothing was imported.
     */
    static StoreException explain(StoreException failure, Path dataDirectory) {
        try {
            if (Files.getFileStore(dataDirectory).getUsableSpace() < FULL_BELOW) {
                return new StoreException("The disk holding " + dataDirectory + " filled up during the import. "
                        + "Nothing was imported. Free some space and try again.", failure);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    static long needed(long fileSize, long databaseSize, boolean rebuildsIndexes) {
        long perByte = rebuildsIndexes ? REBUILD_BYTES_PER_FILE_BYTE : ROW_BY_ROW_BYTES_PER_FILE_BYTE;
        long rebuild = rebuildsIndexes
                ? Math.min(databaseSize, Long.MAX_VALUE / 4) * REBUILD_BYTES_PER_DATABASE_BYTE : 0;
        long extra = RESERVE + rebuild;
        return fileSize > (Long.MAX_VALUE - extra) / perByte ? Long.MAX_VALUE : fileSize * perByte + extra;
    }

    private static String megabytes(long bytes) {
        return (bytes + (1 << 20) - 1 >> 20) + " MB";
    }
}
