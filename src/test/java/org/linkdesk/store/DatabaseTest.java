package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void freshDatabaseIsCreatedAndMigrated() {
        Path data = dir.resolve("new/nested");
        try (Database db = Database.open(data)) {
            assertThat(db.directory()).isEqualTo(data.toAbsolutePath());
            List<String> tables = query(db, "SELECT LOWER(table_name) "
                    + "FROM information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY 1");
            assertThat(tables).contains("flyway_schema_history", "profile", "settings", "share", "vault");
            List<String> history = query(db,
                    "SELECT \"version\" || ':' || \"success\" FROM \"flyway_schema_history\" "
                            + "WHERE \"version\" IS NOT NULL ORDER BY 1");
            assertThat(history).containsExactlyInAnyOrderElementsOf(
                    SchemaMigrator.SHIPPED_VERSIONS.stream().map(v -> v + ":TRUE").toList());
        }
        assertThat(data.resolve("linkdesk.mv.db")).isRegularFile();
    }

    @Test
    void reopeningKeepsTheData() {
        try (Database db = Database.open(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO settings (setting_name, setting_value) VALUES ('theme', 'dark ☾')"));
        }
        try (Database db = Database.open(dir)) {
            assertThat(query(db, "SELECT setting_value FROM settings"))
                    .containsExactly("dark ☾");
        }
    }

    @Test
    void aTransactionCommitsWhenItReturnsAndRollsBackWhenItThrows() {
        try (Database db = Database.open(dir)) {
            db.inTransaction(c -> insertSetting(c.prepareStatement("INSERT INTO settings VALUES (?, ?)"), "kept"));
            assertThatThrownBy(() -> db.inTransaction(c -> {
                insertSetting(c.prepareStatement("INSERT INTO settings VALUES (?, ?)"), "undone");
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThatThrownBy(() -> db.inTransaction(c -> {
                insertSetting(c.prepareStatement("INSERT INTO settings VALUES (?, ?)"), "undone too");
                return c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
            })).isInstanceOf(StoreException.class).hasMessageContaining("could not read or write its database");
            db.read(c -> insertSetting(c.prepareStatement("INSERT INTO settings VALUES (?, ?)"), "read is read-only"));
            assertThat(query(db, "SELECT setting_name FROM settings"))
                    .containsExactly("kept");
        }
    }

    @Test
    void nestedWorkJoinsTheOuterTransaction() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> db.inTransaction(c -> {
                db.inTransaction(inner -> insertSetting(
                        inner.prepareStatement("INSERT INTO settings VALUES (?, ?)"), "inner"));
                assertThat(query(db, "SELECT setting_name FROM settings"))
                        .containsExactly("inner");
                throw new IllegalStateException("outer fails");
            })).hasMessage("outer fails");
            assertThat(query(db, "SELECT setting_name FROM settings")).isEmpty();
        }
    }

    @Test
    void twoThreadsWriteAtOnce() throws Exception {
        try (Database db = Database.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch bothInside = new CountDownLatch(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (String who : List.of("ui", "worker")) {
                    results.add(pool.submit(() -> db.inTransaction(c -> {
                        insertSetting(c.prepareStatement("INSERT INTO settings VALUES (?, ?)"), who);
                        bothInside.countDown();
                        // Both transactions are open at the same time, each on its own connection.
                        assertThat(awaitQuietly(bothInside)).isTrue();
                        int n = 0;
                        for (int i = 0; i < 200; i++) {
                            n += insertSetting(c.prepareStatement("INSERT INTO settings VALUES (?, ?)"), who + i);
                        }
                        return n;
                    })));
                }
                for (Future<Integer> r : results) {
                    assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(query(db, "SELECT COUNT(*) FROM settings"))
                    .containsExactly("402");
        }
    }

    @Test
    void useAfterCloseIsRefused() {
        Database db = Database.open(dir);
        db.close();
        db.close();
        assertThatThrownBy(() -> db.read(c -> 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("already closed");
    }

    @Test
    void aSchemaFromANewerLinkdeskIsRefusedAndLeftAlone() {
        try (Database db = Database.open(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO \"flyway_schema_history\" "
                    + "(\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\", "
                    + "\"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 1, 'test', 1, TRUE)"));
        }
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(SchemaTooNewException.class)
                .hasMessageContaining("newer version of Linkdesk (schema version 99; this version knows up to "
                        + SchemaMigrator.SHIPPED_VERSIONS.get(SchemaMigrator.SHIPPED_VERSIONS.size() - 1) + ")")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsReportedPlainly() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(DataDirectoryException.class)
                .hasMessageStartingWith("Linkdesk cannot create or write its data folder " + file + " (a file is in the way")
                .hasMessageContaining("--data-dir");
        assertThatThrownBy(() -> Database.open(file.resolve("below"))).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("a file is in the way");
    }

    @Test
    void aReadOnlyDataDirectoryIsReportedPlainly() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Permissions do not bind the superuser (tests in containers often run as root).
            assumeFalse(Files.isWritable(readOnly), "this user may write anywhere");
            assertThatThrownBy(() -> Database.open(readOnly)).isInstanceOf(DataDirectoryException.class)
                    .hasMessageStartingWith("Linkdesk cannot create or write its data folder " + readOnly
                            + " (permission denied)");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void nothingListensOnTheNetworkAndNoLockFileIsLeftBehind() throws Exception {
        try (Database db = Database.open(dir)) {
            assertThat(query(db, "SELECT COUNT(*) FROM profile")).containsExactly("0");
            assertThat(dir.resolve("linkdesk.lock.db")).doesNotExist();
        }
        assertThat(dir.resolve("linkdesk.lock.db")).doesNotExist();
    }

    @Test
    void aDamagedFileIsKeptAsideAndANewDatabaseStarted() throws Exception {
        try (Database db = Database.open(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO settings VALUES ('a', 'b')"));
        }
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(dir.resolve("linkdesk.mv.db"), garbage);

        try (Database db = Database.open(dir)) {
            List<String> notices = db.notices();
            assertThat(notices).filteredOn(n -> n.contains("damaged")).singleElement().asString()
                    .startsWith("Linkdesk found its database damaged (")
                    .contains("It kept the damaged file as " + dir.resolve("linkdesk-damaged-"))
                    .contains("delete " + dir.resolve("linkdesk.state"));
            assertThat(query(db, "SELECT COUNT(*) FROM settings WHERE setting_name = 'a'")).containsExactly("0");
        }
        try (var kept = Files.list(dir)) {
            Path moved = kept.filter(p -> p.getFileName().toString().matches("linkdesk-damaged-\\d{8}-\\d{6}\\.mv\\.db"))
                    .findFirst().orElseThrow();
            assertThat(moved).hasBinaryContent(garbage);
        }
    }

    @Test
    void aFileCutShortIsTreatedAsDamaged() throws Exception {
        Files.write(dir.resolve("linkdesk.mv.db"), new byte[] {'H', '2', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        try (Database db = Database.open(dir)) {
            assertThat(db.notices()).anySatisfy(n -> assertThat(n).contains("kept the damaged file"));
        }
    }

    @Test
    void aDatabaseHeldByAProcessThatDoesNotShareItIsReportedAsLocked() throws Exception {
        try (ChildJvm child = ChildJvm.start("hold-plain", dir.toString())) {
            assertThat(child.readLine()).isEqualTo("READY");
            long start = System.nanoTime();
            assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(DatabaseLockedException.class)
                    .hasMessageContaining("in use by another program");
            System.out.printf("locked database reported after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertThat(child.finish()).isZero();
        }
        try (Database db = Database.open(dir)) {
            assertThat(query(db, "SELECT COUNT(*) FROM share")).containsExactly("0");
        }
    }

    private static int insertSetting(PreparedStatement ps, String name) throws SQLException {
        try (ps) {
            ps.setString(1, name);
            ps.setString(2, "v");
            return ps.executeUpdate();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> query(Database db, String sql) {
        return db.read(c -> strings(c.createStatement(), sql));
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        try (st; ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
