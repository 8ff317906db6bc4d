package org.linkdesk.history;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.linkdesk.store.ImportedShare;
import org.linkdesk.store.ShareFeed;

/** A feed that reports each share handed out and stops the import (rolled back by its transaction) on cancel. */
final class CancellableFeed implements ShareFeed {
    private final ShareFeed inner;
    private final BooleanSupplier cancelled;
    private final HistoryExchange.ImportProgress progress;
    private final long total;
    private long done;

    CancellableFeed(ShareFeed inner, BooleanSupplier cancelled, HistoryExchange.ImportProgress progress, long total) {
        this.inner = inner;
        this.cancelled = cancelled;
        this.progress = progress;
        this.total = total;
    }

    @Override
    public boolean hasNext() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled: nothing was imported.");
        }
        return inner.hasNext();
    }

    @Override
    public ImportedShare next() {
        ImportedShare share = inner.next();
        progress.handled(++done, total);
        return share;
    }

    @Override
    public void close() {
        inner.close();
    }
}
