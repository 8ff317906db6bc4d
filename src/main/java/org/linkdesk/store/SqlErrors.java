package org.linkdesk.store;

import java.io.EOFException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Turns H2's SQL errors into {@link StoreException}s whose messages a user can act on. */
final class SqlErrors {
    private SqlErrors() {
    }

    /** The H2 error code of {@code e} or of the first SQL error among its causes; 0 when there is none. */
    static int code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
                return sql.getErrorCode();
            }
        }
        return 0;
    }

    /**
     * Whether trying again shortly may work: the session died with the process that was serving the database, or
     * several processes are opening the file at the same moment (H2 reports the file lock as just modified, or
     * already in use before the winner has published where it serves the database).
     */
    static boolean isPassing(Throwable e) {
        int code = code(e);
        return isConnectionLost(e) || code == ErrorCode.ERROR_OPENING_DATABASE_1
                || code == ErrorCode.DATABASE_ALREADY_OPEN_1;
    }

    /** Whether a unique constraint refused the write (standard SQLSTATE 23505). */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Whether a process holds the file without serving it (a stranger, or a Linkdesk process still closing it). */
    static boolean isHeldWithoutServer(Throwable e) {
        return code(e) == ErrorCode.DATABASE_ALREADY_OPEN_1;
    }

    /** Whether the session died with the process that was serving the database (or with this JVM's shutdown). */
    static boolean isConnectionLost(Throwable e) {
        int code = code(e);
        return code == ErrorCode.CONNECTION_BROKEN_1 || code == ErrorCode.DATABASE_IS_CLOSED
                || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN;
    }

    /**
     * Whether opening failed because the file is damaged: H2 says so, or its header could not be read in full (a file
     * cut short reports an I/O error caused by end-of-file, or a read that came back short).
     */
    /**
     * Any failure (a data error, an assertion, a null pointer…) thrown while H2 decodes what it read from the file:
     * its page reader or its own schema records. A flipped bit surfaces as whatever the decoder trips on, and nothing
     * a statement of ours sent can fail there.
     */
    private static boolean isGarbledData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String type = frame.getClassName();
                if (type.startsWith("org.h2.mvstore.Page") || type.equals("org.h2.engine.MetaRecord")
                        || type.startsWith("org.h2.mvstore.Chunk")
                        || (type.equals("org.h2.mvstore.FileStore") && frame.getMethodName().equals("readPage"))
                        || (type.equals("org.h2.mvstore.DataUtils") && isDecoder(frame.getMethodName()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** DataUtils' readers of the file's own headers and numbers (a flipped bit there is a NumberFormatException…). */
    private static boolean isDecoder(String method) {
        return method.startsWith("parse") || method.startsWith("readHex") || method.startsWith("readVar")
                || method.startsWith("getFletcher");
    }

    static boolean isDamagedFile(Throwable e) {
        if (isGarbledData(e)) {
            return true;
        }
        boolean io = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            int code = t instanceof SQLException sql ? sql.getErrorCode() : 0;
            if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.FILE_VERSION_ERROR_1) {
                return true;
            }
            io |= code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2;
            String m = t.getMessage();
            if (m != null && (m.startsWith("Unable to read the page") || m.contains("File corrupted"))) {
                return true;
            }
            if (io && (t instanceof EOFException || (m != null && m.startsWith("Reading from file")))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the disk holding the database is full. */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("not enough space")
                    || m.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }

    /** An error while the database is in use. */
    static StoreException translate(Throwable e, Path directory) {
        if (e instanceof StoreException already) {
            return already;
        }
        if (isDiskFull(e)) {
            return new DataDirectoryException("The disk holding " + directory + " is full, so Linkdesk saved "
                    + "nothing of this change (what was saved before is intact). Free some space and try again.", e);
        }
        int code = code(e);
        return switch (code) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> locked(e, directory);
            case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED,
                    ErrorCode.DATABASE_CALLED_AT_SHUTDOWN -> new StoreException(
                    "Linkdesk lost its connection to the database in " + directory
                            + ", which another Linkdesk window or command was sharing. Try again.", e);
            case ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1, ErrorCode.CONCURRENT_UPDATE_1 -> new StoreException(
                    "The database in " + directory + " is busy with another Linkdesk window or command; try again "
                            + "in a moment.", e);
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_CREATION_FAILED_1,
                    ErrorCode.DATABASE_IS_READ_ONLY -> new DataDirectoryException(
                    "Linkdesk cannot write its database in " + directory
                            + ". Check that the disk is not full and that you may write to that folder.", e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> new DatabaseCorruptException(
                    "The database file in " + directory + " is damaged. Close Linkdesk and open it again; it will "
                            + "move the damaged file aside.", null, e);
            case ErrorCode.WRONG_USER_OR_PASSWORD -> new StoreException(
                    "The database in " + directory + " was not made by Linkdesk (it refuses Linkdesk's login). "
                            + "Choose another folder with --data-dir or LINKDESK_HOME.", e);
            default -> new StoreException("Linkdesk could not read or write its database in " + directory
                    + "; nothing of this change was saved. Try again; if it keeps failing, run the command with "
                    + "--debug and report what it prints.", e);
        };
    }

    static DatabaseLockedException locked(Throwable e, Path directory) {
        return new DatabaseLockedException("The database in " + directory + " is in use by another program that "
                + "Linkdesk cannot reach to share it. Close other copies of Linkdesk, or any tool using that folder, "
                + "and try again.", e);
    }
}
