package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local account cannot read, change or list the data directory, even while Linkdesk has the database open
 * and even under a permissive umask. Needs root (to act as {@code nobody} with {@code setpriv}); skipped otherwise.
 */
class SecondUserTest {
    @TempDir
    Path temp;

    @Test
    void anotherAccountCanNeitherReadNorChangeNorListTheDataDirectory() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to act as another account");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        assumeTrue(run(List.of("id", "-u", "nobody")).exit() == 0, "needs the account nobody");
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path data = open.resolve("linkdesk");

        try (Database db = Database.open(data)) {
            new Vault(db).create("second user password".toCharArray());
            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PrivateFiles.DIRECTORY);
            List<Path> files;
            try (Stream<Path> s = Files.list(data)) {
                files = s.toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString()).contains("linkdesk.mv.db")
                    .doesNotContain("linkdesk.lock.db");
            for (Path f : files) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(PrivateFiles.FILE);
                assertThat(asNobody("cat " + f).exit()).as("nobody reads " + f).isNotZero();
                assertThat(asNobody("echo x >> " + f).exit()).as("nobody writes " + f).isNotZero();
            }
            assertThat(asNobody("ls " + data).exit()).as("nobody lists the directory").isNotZero();
            assertThat(asNobody("touch " + data.resolve("planted")).exit()).isNotZero();
        }
    }

    @Test
    void looseModesFromAnEarlierVersionAreTightenedOnOpenWithANotice() throws Exception {
        assumeTrue(PrivateFiles.isPosix(), "POSIX file modes");
        Path data = temp.resolve("loose");
        try (Database db = Database.open(data)) {
            assertThat(db.notices()).isEmpty();
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("linkdesk.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        try (Database db = Database.open(data)) {
            assertThat(db.notices()).containsExactly("Linkdesk made its data folder " + data + " private to you "
                    + "(2 items were readable by other users of this computer).");
        }
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PrivateFiles.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(data.resolve("linkdesk.mv.db"))).isEqualTo(PrivateFiles.FILE);
    }

    @Test
    void aFolderTheUserSharesWithOtherFilesKeepsItsModeAndTheirs() throws Exception {
        assumeTrue(PrivateFiles.isPosix(), "POSIX file modes");
        Path home = Files.createDirectory(temp.resolve("home"));
        Path notes = Files.writeString(home.resolve("notes.txt"), "mine");
        Path tool = Files.writeString(home.resolve("tool.sh"), "#!/bin/sh");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (Database db = Database.open(home)) {
            db.notices();
        }

        assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(notes)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.getPosixFilePermissions(tool)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(home.resolve("linkdesk.mv.db"))).isEqualTo(PrivateFiles.FILE);
    }

    private static Result asNobody(String shellCommand) throws IOException, InterruptedException {
        return run(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "sh", "-c",
                shellCommand));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out);
        }
        return new Result(p.exitValue(), out);
    }
}
