package org.linkdesk.store;

import java.util.List;
import java.util.Optional;

/** The history of links, in the {@code share} table. */
public final class ShareStore {
    public ShareStore(Database database, Vault vault) {
    }

    /** Records a link (its URL sealed when the vault exists, else not kept). */
    public ShareRecord insert(NewShare share) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Newest first. */
    public List<ShareRecord> newest(int limit, int offset) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Optional<ShareRecord> find(long id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The full URL of a recorded link; needs the vault unlocked; empty when it was not kept. */
    public Optional<String> url(long id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public boolean delete(long id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public long count() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
