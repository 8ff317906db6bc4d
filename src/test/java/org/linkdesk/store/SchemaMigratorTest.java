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
