package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {
    @TempDir
    Path dir;

    @Test
    void theShippedVersionListMatchesTheMigrationFiles() {
        // Database.open skips Flyway when every shipped version is applied, so the list must name every file.
        try (Database db = Database.open(dir)) {
            Flyway flyway = Flyway.configure().dataSource(Database.url(db.directory()), "linkdesk", "")
                    .locations(SchemaMigrator.LOCATION).load();
            List<String> versions = java.util.Arrays.stream(flyway.info().all())
                    .map(MigrationInfo::getVersion).filter(java.util.Objects::nonNull).map(Object::toString).toList();
            assertThat(versions).isEqualTo(SchemaMigrator.SHIPPED_VERSIONS);
            assertThat(java.util.Arrays.stream(flyway.info().all()).map(i -> i.getState().isApplied())).containsOnly(true);
        }
    }

    @Test
    void theTableListMatchesAFreshDatabase() {
        // Opening calls a file damaged when a table of the shipped schema is missing from H2's catalogue.
        try (Database db = Database.open(dir)) {
            java.util.Set<String> tables = db.read(c -> {
                java.util.Set<String> names = new java.util.TreeSet<>();
                try (var rs = c.createStatement().executeQuery("SELECT LOWER(table_name) FROM "
                        + "information_schema.tables WHERE table_schema = 'PUBLIC'")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            });
            assertThat(tables).containsExactlyInAnyOrderElementsOf(SchemaMigrator.TABLES);
        }
    }

    @Test
    void aFileWithTablesButNoSchemaHistoryIsDamagedAndSalvaged() throws Exception {
        Database.open(dir).close();
        try (var c = java.sql.DriverManager.getConnection(Database.url(dir), "linkdesk", "")) {
            c.createStatement().execute("DROP TABLE \"flyway_schema_history\"");
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.notices()).anySatisfy(n -> assertThat(n).contains("damaged"));
        }
    }

    @Test
    void aGarbledColumnNameInTheCatalogueIsDamageSalvagedOnOpen() throws Exception {
        try (Database db = Database.open(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO settings VALUES ('kept', 'yes')"));
        }
        try (var c = java.sql.DriverManager.getConnection(Database.url(dir), "linkdesk", "")) {
            // What a flipped bit in H2's schema record of the table looks like to Linkdesk's statements.
            c.createStatement().execute("ALTER TABLE paused_index ALTER COLUMN definition RENAME TO definitiom");
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.notices()).anySatisfy(n -> assertThat(n).contains("damaged"));
            String kept = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT setting_value FROM settings "
                        + "WHERE setting_name = 'kept'")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertThat(kept).isEqualTo("yes");
        }
        assertThat(dir.resolve(SchemaDamageMark.FILE)).doesNotExist();
        Database.open(dir).close();
    }

    @Test
    void aSecondOpenDoesNotNeedFlyway() throws Exception {
        Path fresh = dir.resolve("fresh");
        java.nio.file.Files.createDirectories(fresh);
        try (var c = java.sql.DriverManager.getConnection(Database.url(fresh), "linkdesk", "")) {
            assertThat(SchemaMigrator.migrate(c, Database.url(fresh), "linkdesk", "", fresh)).isTrue();
        }
        Database.open(dir).close();
        try (var c = java.sql.DriverManager.getConnection(Database.url(dir), "linkdesk", "")) {
            // An up-to-date schema is recognised from its history table alone: Flyway is not even configured.
            assertThat(SchemaMigrator.migrate(c, Database.url(dir), "linkdesk", "", dir)).isFalse();
        }
    }
}
