package org.linkdesk.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the commits a killed process left half applied, which H2 2.5.252 does not do itself.
 *
 * <p>H2 commits a transaction by first writing a "committed" mark into its undo log and then turning each changed
 * row into a committed one. A process killed between the two leaves rows that still belong to the transaction.
 * On the next open H2 finds the mark and calls {@code Transaction.commit()} on the recovered transaction, but that
 * method only applies a commit when the transaction's previous status is an active one, and COMMITTED is not: the
 * transaction stays open for good. Its rows stay invisible (the part of the batch H2 had not reached yet) and every
 * write touching them waits for it until the lock timeout ("busy with another Linkdesk window or command"), in
 * this open and every later one.
 *
 * <p>Here, right after the file is opened and before any unit of work, each such transaction is committed the way
 * H2's commit would have (its undo log replayed in recovery mode) and then closed. Nothing else can be running:
 * the process has the file to itself during {@link FileGuard#opened}. Should a later H2 change these internals,
 * the file is reported as damaged instead (and salvaged), never left waiting.
 */
final class LeftoverCommits {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverCommits.class);

    private LeftoverCommits() {
    }

    /** Thrown when a half-applied commit was found and could not be finished. */
    static final class Unfinished extends Exception {
        Unfinished(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Finishes every commit a killed process left half applied; returns how many there were. */
    static int finish(Connection c) throws SQLException, Unfinished {
        TransactionStore transactions = H2Engine.transactions(H2Engine.session(c));
        List<Transaction> leftover = transactions.getOpenTransactions().stream()
                .filter(t -> t.getStatus() == Transaction.STATUS_COMMITTED).toList();
        if (leftover.isEmpty()) {
            return 0;
        }
        try {
            Method commit = TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class);
            commit.setAccessible(true);
            Method close = Transaction.class.getDeclaredMethod("close", boolean.class, Throwable.class);
            close.setAccessible(true);
            for (Transaction t : leftover) {
                commit.invoke(transactions, t, true);
                close.invoke(t, true, null);
            }
        } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
            throw new Unfinished("a commit left half applied by a killed process could not be finished", e);
        } catch (InvocationTargetException e) {
            throw new Unfinished("a commit left half applied by a killed process could not be finished",
                    e.getCause());
        }
        LOG.warn("Finished {} commit(s) that a process killed while committing had left half applied",
                leftover.size());
        return leftover.size();
    }
}
