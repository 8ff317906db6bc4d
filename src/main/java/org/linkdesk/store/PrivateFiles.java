package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps the data directory owner-only on POSIX systems: the directory 0700 and every Linkdesk file in it 0600, set
 * explicitly so the umask does not matter (H2 creates its files with the umask's modes). The directory's mode is what really
 * keeps other accounts out; the files' modes keep them out even if the directory is later opened up by hand. On
 * Windows the data directory lives in the user's profile, whose ACLs already exclude other users.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} if needed and makes it and its files owner-only. Returns what had to be tightened (empty
     * when everything was already private, or on a file system without POSIX permissions).
     */
    static List<String> secure(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> tightened = new ArrayList<>();
        if (!isPosix()) {
            return tightened;
        }
        boolean onlyOurs = true;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!isOurs(f)) {
                    onlyOurs = false;
                } else if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && tighten(f, FILE)) {
                    tightened.add(f.getFileName().toString());
                }
            }
        }
        // A folder the user also keeps other things in (say --data-dir ~) keeps its mode: Linkdesk's own files are
        // owner-only anyway, and changing the folder could break what else lives there.
        if (onlyOurs && tighten(dir, DIRECTORY)) {
            tightened.add(0, dir.toString());
        }
        return tightened;
    }

    /** Files Linkdesk makes in its data directory: {@code linkdesk*} (H2's files included) and its write probe. */
    private static boolean isOurs(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith(Database.FILE_NAME) || name.startsWith(".write-test");
    }

    /** Makes the files Linkdesk's database engine created since the last look owner-only; quiet on failure. */
    static void secureFilesQuietly(Path dir) {
        try {
            secure(dir);
        } catch (IOException e) {
            // The directory itself is 0700, which already keeps other accounts out.
        }
    }

    /** Sets {@code wanted} if the current permissions differ; true when they were wider (or otherwise different). */
    private static boolean tighten(Path p, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        if (now.equals(wanted)) {
            return false;
        }
        Files.setPosixFilePermissions(p, wanted);
        return true;
    }

    /** The one-line notice for the user when {@link #secure} had to tighten something. */
    static String notice(Path dir, List<String> tightened) {
        return "Linkdesk made its data folder " + dir + " private to you (" + tightened.size()
                + (tightened.size() == 1 ? " item was" : " items were") + " readable by other users of this computer).";
    }
}
