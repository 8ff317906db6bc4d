package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The data folder as {@link Database} needs it: created owner-only and writable, and why when it is not. */
final class DataFolderSetup {
    private DataFolderSetup() {
    }

    /** Creates the directory owner-only, or makes an existing one so; returns what had to be tightened. */
    static List<String> prepare(Path dir) {
        if (dir.toString().indexOf(';') >= 0) {
            throw new DataDirectoryException("Linkdesk cannot use a data folder whose path contains ';' (" + dir
                    + "). Choose another with --data-dir or LINKDESK_HOME.", null);
        }
        try {
            boolean existed = Files.isDirectory(dir);
            List<String> tightened = PrivateFiles.secure(dir);
            Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
            Files.delete(probe);
            return existed ? tightened : List.of();
        } catch (IOException | SecurityException e) {
            throw new DataDirectoryException("Linkdesk cannot create or write its data folder " + dir + " ("
                    + describe(dir, e) + "). Check its permissions, or choose another folder with --data-dir or "
                    + "LINKDESK_HOME.", e);
        }
    }

    static String describe(Path dir, Exception e) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return "a file is in the way: " + p;
                }
                break;
            }
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
