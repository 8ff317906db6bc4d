package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The record ({@code import_pending}) that keeps a history import all or nothing while it commits in small steps.
 * H2 2.5 applies a commit to every row it changed after marking the transaction committed; a kill in that window
 * (seconds for a 20 000-row import) left a file where part of the rows showed and every later write touching one
 * of them hung. So an import commits its record first, then its rows in steps of at most {@link #STEP_ROWS}, each
 * step also moving the record's last id (the range is exact at every commit), and deletes the record when it is
 * done. Undoing deletes the rows by id range, in steps too, then the record: a kill while undoing is undone again.
 * Ids come from the share sequence, which never hands out an id twice, so the range holds only the import's rows
 * (it runs with the file to itself, {@link Database#inSteps}).
 */
final class ImportPending {
    /** Rows per commit: small transactions have survived hundreds of kill runs (docs/RELIABILITY.md). */
    static final int STEP_ROWS = 1_000;

    private ImportPending() {
    }

    /**
     * Imports {@code feed} in steps with the file to itself; all or nothing all the same: a failure or cancellation
     * deletes what earlier steps wrote before it is thrown, and an import killed midway is undone on the next open
     * (or before the next import).
     */
    static ImportResult run(Database database, Supplier<? extends ShareFeed> feed, Function<String, byte[]> sealer,
                            OutboxWrite team) {
        return database.inSteps((c, steps) -> {
            undoDead(c, steps);
            long pending = begin(c);
            steps.commit();
            ImportResult result;
            try (ShareFeed shares = feed.get()) {
                result = ShareImport.run(c, shares, sealer, pending, steps, team);
            } catch (SQLException | RuntimeException | Error e) {
                undoAfter(e, c, pending, steps);
                throw e;
            }
            finish(c, pending);
            return result;
        });
    }

    private static void undoAfter(Throwable failure, Connection c, long pending, Database.Steps steps) {
        try {
            c.rollback();
            undo(c, pending, steps);
        } catch (SQLException | RuntimeException e) {
            // The record stays: the next open (or import) deletes the rows.
            failure.addSuppressed(e);
        }
    }

    /** Adds the record of an import starting now (the caller commits it before writing any row); returns its id. */
    static long begin(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_pending (started_at) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, ShareStore.utc(Instant.now()));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Extends the record's range to the ids {@code first..last} (in the transaction that writes those rows). */
    static void extend(Connection c, long pending, long first, long last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_pending SET first_share_id = "
                + "COALESCE(first_share_id, ?), last_share_id = ? WHERE id = ?")) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            ps.setLong(3, pending);
            ps.executeUpdate();
        }
    }

    /** Deletes the record: the import is done (in the caller's transaction, which makes it so). */
    static void finish(Connection c, long pending) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_pending WHERE id = ?")) {
            ps.setLong(1, pending);
            ps.executeUpdate();
        }
    }

    /**
     * Undoes every import whose record is left: it died (an import runs with the file to itself, so none is
     * running). Returns how many.
     */
    static int undoDead(Connection c, Database.Steps steps) throws SQLException {
        List<Long> dead = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM import_pending ORDER BY id")) {
            while (rs.next()) {
                dead.add(rs.getLong(1));
            }
        }
        for (long pending : dead) {
            undo(c, pending, steps);
        }
        return dead.size();
    }

    /** Deletes the rows of import {@code pending} and then its record, committing every {@link #STEP_ROWS} ids. */
    static void undo(Connection c, long pending, Database.Steps steps) throws SQLException {
        long first;
        long last;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT first_share_id, last_share_id FROM import_pending WHERE id = ?")) {
            ps.setLong(1, pending);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                boolean wroteRows = rs.getObject(1) != null;
                first = wroteRows ? rs.getLong(1) : 0;
                last = wroteRows ? rs.getLong(2) : -1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM share WHERE id BETWEEN ? AND ?");
             PreparedStatement queued = c.prepareStatement("DELETE FROM team_outbox WHERE share_id BETWEEN ? AND ?")) {
            for (long from = first; from <= last; from += STEP_ROWS) {
                long to = Math.min(last, from + STEP_ROWS - 1);
                for (PreparedStatement st : new PreparedStatement[] {queued, ps}) {
                    st.setLong(1, from);
                    st.setLong(2, to);
                    st.executeUpdate();
                }
                steps.commit();
            }
        }
        finish(c, pending);
        steps.commit();
    }
}
