package org.linkdesk.team;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.linkdesk.store.SqlAccess;
import org.linkdesk.store.TeamOutbox;
import org.linkdesk.store.TeamShareRow;

/**
 * The sending of an {@link OutboxSender}: batches from the outbox into the team database, each deleted locally after
 * its team commit. Every use of the local database goes through {@link #local}, so {@link #abandon} can end them.
 */
final class OutboxPass {
    private final TeamOutbox outbox;
    private final SqlAccess team;
    /** Held around every use of the local database, so {@link #abandon} can wait for the one in progress. */
    private final ReentrantLock localLock = new ReentrantLock();
    private volatile boolean abandoned;
    /** When the team database last committed a batch ({@link System#nanoTime}). */
    private volatile long lastAnswer = System.nanoTime();
    private volatile Runnable afterTeamCommit = () -> { };

    OutboxPass(TeamOutbox outbox, SqlAccess team) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.team = Objects.requireNonNull(team, "team");
    }

    void afterTeamCommit(Runnable hook) {
        this.afterTeamCommit = hook;
    }

    long lastAnswer() {
        return lastAnswer;
    }

    void answeredNow() {
        lastAnswer = System.nanoTime();
    }

    /** Sends every waiting row, oldest first; stops at the first failure that is not one row's. */
    OutboxSender.Result run() {
        long cursor = 0;
        int sent = 0;
        String error = null;
        boolean offline = false;
        try {
            while (true) {
                long after = cursor;
                List<TeamOutbox.Entry> batch = local(() -> outbox.next(after, OutboxSender.BATCH));
                if (batch.isEmpty()) {
                    break;
                }
                cursor = batch.get(batch.size() - 1).id();
                try {
                    sent += send(batch);
                } catch (TeamDatabaseException e) {
                    if (!isRowProblem(e)) {
                        error = e.getMessage();
                        offline = true;
                        break;
                    }
                    BatchOutcome one = sendOneByOne(batch);
                    sent += one.sent();
                    error = one.error() != null ? one.error() : error;
                }
            }
        } catch (AbandonedException e) {
            return new OutboxSender.Result(sent, -1, false, "Sending was stopped.", offline);
        }
        long waiting = local(outbox::waiting);
        if (waiting > 0 && error == null) {
            error = "Links were added while sending; they go with the next pass.";
        }
        return new OutboxSender.Result(sent, waiting, waiting == 0, waiting == 0 ? null : error, offline);
    }

    private record BatchOutcome(int sent, String error) {
    }

    /** Sends a batch that held a row the team database refused: each row alone, noting each refusal. */
    private BatchOutcome sendOneByOne(List<TeamOutbox.Entry> batch) {
        int sent = 0;
        String error = null;
        for (TeamOutbox.Entry entry : batch) {
            try {
                sent += send(List.of(entry));
            } catch (TeamDatabaseException e) {
                if (!isRowProblem(e)) {
                    throw e;
                }
                error = "The team database refused a link (" + entry.row().value("bucket") + "/"
                        + entry.row().value("object_key") + "): " + e.getMessage();
                String message = error;
                local(() -> {
                    outbox.failed(List.of(entry.uid()), message);
                    return null;
                });
            }
        }
        return new BatchOutcome(sent, error);
    }

    /** One team transaction, then the outbox rows deleted; returns how many rows left the outbox. */
    private int send(List<TeamOutbox.Entry> batch) {
        List<TeamShareRow> rows = batch.stream().map(TeamOutbox.Entry::row).toList();
        team.inTransaction(c -> TeamShareWriter.insert(c, rows));
        lastAnswer = System.nanoTime();
        afterTeamCommit.run();
        List<UUID> uids = batch.stream().map(TeamOutbox.Entry::uid).toList();
        return local(() -> outbox.delete(uids));
    }

    /** Bad data in a row (SQLSTATE class 22, 23 or 54), as opposed to the database or the login failing. */
    static boolean isRowProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("22") || state.startsWith("23") || state.startsWith("54");
            }
        }
        return false;
    }

    interface LocalWork<T> {
        T run();
    }

    /** Runs {@code work} on the local database unless this sender was abandoned. */
    <T> T local(LocalWork<T> work) {
        localLock.lock();
        try {
            if (abandoned) {
                throw new AbandonedException();
            }
            return work.run();
        } finally {
            localLock.unlock();
        }
    }

    /** Stops using the local database; waits for the use in progress, if any. */
    void abandon() {
        localLock.lock();
        try {
            abandoned = true;
        } finally {
            localLock.unlock();
        }
    }

    static final class AbandonedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbandonedException() {
            super("the outbox sender was abandoned", null, false, false);
        }
    }
}
