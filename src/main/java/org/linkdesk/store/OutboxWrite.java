package org.linkdesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The team part of one history write: the outbox set when the write began (null in personal mode: nothing happens)
 * and the vault key the URLs are sealed to, read before the transaction.
 */
record OutboxWrite(TeamOutbox outbox, byte[] sealingKey) {
    static OutboxWrite of(TeamOutbox outbox, Vault vault) {
        return new OutboxWrite(outbox, outbox == null ? null : vault.sealingKey().orElse(null));
    }

    /** Queues the share rows {@code ids}, in the caller's transaction. */
    void add(Connection c, long... ids) throws SQLException {
        if (outbox != null) {
            outbox.add(c, ids, sealingKey);
        }
    }

    /** After the commit: wakes the sender when rows were queued. */
    void committed(boolean any) {
        if (outbox != null && any) {
            outbox.committed();
        }
    }
}
