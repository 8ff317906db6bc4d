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
    void aSecondOpenDoesNotNeedFlyway() {
        Database.open(dir).close();
        long start = System.nanoTime();
        Database.open(dir).close();
        System.out.printf("reopened an up-to-date database in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }
}
