package org.linkdesk.store;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The import path of {@link ShareStore}: all or nothing in steps ({@link ImportPending}), each URL sealed when the
 * vault can, the team outbox rows in the same steps, and a large import's index rebuild ({@link LargeImports}).
 */
final class ShareImports {
    private final Database database;
    private final Vault vault;

    ShareImports(Database database, Vault vault) {
        this.database = database;
        this.vault = vault;
    }

    ImportResult run(Supplier<? extends ShareFeed> feed, long rows, TeamOutbox outbox, ShareStore store) {
        return LargeImports.rebuildsIndexes(database, rows)
                ? LargeImports.run(database, () -> inSteps(feed, outbox, store)) : inSteps(feed, outbox, store);
    }

    private ImportResult inSteps(Supplier<? extends ShareFeed> feed, TeamOutbox outbox, ShareStore store) {
        boolean keep = vault.canSeal();
        OutboxWrite team = OutboxWrite.of(outbox, vault);
        ImportResult result = ImportPending.run(database, feed, url -> keep ? store.seal(url) : null, team);
        team.committed(result.imported() > 0);
        return result;
    }

    record ListFeed(Iterator<ImportedShare> it) implements ShareFeed {
        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public ImportedShare next() {
            return it.next();
        }

        @Override
        public void close() {
        }
    }
}
