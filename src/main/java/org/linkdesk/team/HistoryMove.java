package org.linkdesk.team;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.linkdesk.store.PersonalHistoryRows;
import org.linkdesk.store.SqlAccess;
import org.linkdesk.store.TeamShareRow;

/**
 * Copies this computer's personal history into the team database, oldest first, {@link #BATCH} rows per team
 * transaction. Each row keeps one team uid however often it is copied (see {@link PersonalHistoryRows}), and the
 * team database skips uids it has, so a second run, a run resumed after a cancel or a failure, or links that already
 * went through the outbox are never stored twice. The local history is left as it is.
 */
public final class HistoryMove {
    /** Rows per team transaction. */
    public static final int BATCH = 500;

    /** Rows handled so far of {@code total}. */
    public record Progress(long done, long total) {
        public double fraction() {
            return total == 0 ? 1 : (double) done / total;
        }
    }

    /**
     * How the move ended.
     *
     * @param added     rows the team database did not have yet
     * @param skipped   rows it had already (an earlier run, or the outbox)
     * @param total     rows in the personal history when the move started
     */
    public record Outcome(long added, long skipped, long total) {
    }

    private final PersonalHistoryRows source;
    private final SqlAccess team;
    private final String madeBy;

    /** @param madeBy the display name recorded as the maker of the rows the team database does not have yet */
    public HistoryMove(PersonalHistoryRows source, SqlAccess team, String madeBy) {
        this.source = Objects.requireNonNull(source, "source");
        this.team = Objects.requireNonNull(team, "team");
        this.madeBy = Objects.requireNonNull(madeBy, "madeBy");
    }

    /**
     * Runs the move on this thread, reporting after each committed batch. {@code cancelled} is checked between
     * batches: cancelling throws {@link CancellationException} after the batches already committed (which a later
     * run skips). A team database failure propagates as {@link TeamDatabaseException}, also after partial progress.
     */
    public Outcome run(BooleanSupplier cancelled, Consumer<Progress> progress) {
        org.linkdesk.core.threads.UiThreadGuard.check("History move");
        long total = source.countAfter(0);
        long done = 0;
        long added = 0;
        long after = 0;
        progress.accept(new Progress(0, total));
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Moving the history was cancelled after " + done + " of " + total
                        + " links; moving it again continues without copying any twice.");
            }
            List<TeamShareRow> batch = source.page(after, BATCH, madeBy);
            if (batch.isEmpty()) {
                break;
            }
            added += team.inTransaction(c -> TeamShareWriter.insert(c, batch));
            after = batch.get(batch.size() - 1).localId();
            done += batch.size();
            progress.accept(new Progress(done, Math.max(total, done)));
        }
        return new Outcome(added, done - added, Math.max(total, done));
    }
}
