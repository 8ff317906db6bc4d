package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Team mode's outbox in the local database ({@code team_outbox}): every link recorded while a team database is set
 * gets a row here in the same transaction as its history row (see {@link ShareStore#setOutbox}), carrying what the
 * team database stores. A sender reads the oldest rows, inserts them into the team database and then
 * {@linkplain #delete deletes} them here. Thread-safe.
 */
public final class TeamOutbox {
    private static final String COLUMNS = "uid, share_id, made_by, renewed_from_uid, "
            + String.join(", ", TeamShareRow.COLUMNS);
    private static final String INSERT = "INSERT INTO team_outbox (team_url, queued_at, " + COLUMNS + ") VALUES (?, ?"
            + ", ?".repeat(4 + TeamShareRow.COLUMNS.size()) + ")";
    private static final String FOR_THIS_TEAM = "team_url IS NOT DISTINCT FROM ?";
    private static final int MAX_ERROR_LENGTH = 2_000;

    /** A waiting row: its outbox id, how often sending it failed and why (null before any failure). */
    public record Entry(long id, int attempts, String lastError, TeamShareRow row) {
        public UUID uid() {
            return row.uid();
        }
    }

    private final Database database;
    private final Supplier<String> madeBy;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private final String teamUrl;

    /** An outbox not tied to one team database (tests). */
    public TeamOutbox(Database database, Supplier<String> madeBy) {
        this(database, madeBy, null);
    }

    /**
     * @param madeBy  the display name recorded as each new row's maker, read when the row is written
     * @param teamUrl the team database's JDBC URL: rows are queued for it, and only its rows are offered
     */
    public TeamOutbox(Database database, Supplier<String> madeBy, String teamUrl) {
        this.database = Objects.requireNonNull(database, "database");
        this.madeBy = Objects.requireNonNull(madeBy, "madeBy");
        this.teamUrl = teamUrl == null ? null : teamKey(teamUrl);
    }

    /** A team database's URL without its parameters (no password, no options): what an outbox row is tied to. */
    public static String teamKey(String url) {
        String u = url.strip();
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }

    /** How many rows wait for another team database than this outbox's (made before a switch of database). */
    public long waitingForOtherTeams() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM team_outbox WHERE NOT ("
                    + FOR_THIS_TEAM + ")")) {
                ps.setString(1, teamUrl);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The display name new rows are recorded with. */
    public String madeBy() {
        String name = madeBy.get();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("team mode needs a display name");
        }
        return name;
    }

    /** Called (on the writing thread) after rows were committed to the outbox: wakes a sender. */
    public void addListener(Runnable onAdded) {
        listeners.add(Objects.requireNonNull(onAdded));
    }

    public void removeListener(Runnable onAdded) {
        listeners.remove(onAdded);
    }

    /** Copies the share rows {@code shareIds} into the outbox, in the caller's transaction. */
    void add(Connection c, long[] shareIds, byte[] sealingKey) throws SQLException {
        if (shareIds.length == 0) {
            return;
        }
        List<TeamShareRow> rows = TeamShareRows.byIds(c, shareIds, madeBy(), sealingKey);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (TeamShareRow row : rows) {
                int i = 0;
                ps.setString(++i, teamUrl);
                ps.setObject(++i, now);
                ps.setObject(++i, row.uid());
                ps.setLong(++i, row.localId());
                ps.setString(++i, row.madeBy());
                ps.setObject(++i, row.renewedFromUid(), Types.OTHER);
                for (Object value : row.values()) {
                    ps.setObject(++i, value);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Tells the listeners that rows were committed (after the transaction that {@link #add added} them). */
    void committed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    /** How many rows wait to be sent. */
    public long waiting() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM team_outbox WHERE " + FOR_THIS_TEAM)) {
                ps.setString(1, teamUrl);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Up to {@code limit} waiting rows with outbox ids above {@code afterId}, oldest first. */
    public List<Entry> next(long afterId, int limit) {
        return database.read(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, attempts, last_error, " + COLUMNS
                    + " FROM team_outbox WHERE id > ? AND " + FOR_THIS_TEAM + " AND NOT EXISTS (SELECT 1 FROM import_pending p WHERE "
                    + "team_outbox.share_id BETWEEN p.first_share_id AND p.last_share_id) ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setString(2, teamUrl);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            }
            return entries;
        });
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        int first = 8;   // id, attempts, last_error, uid, share_id, made_by, renewed_from_uid, then the columns
        List<Object> values = new ArrayList<>(TeamShareRow.COLUMNS.size());
        for (int i = 0; i < TeamShareRow.COLUMNS.size(); i++) {
            String column = TeamShareRow.COLUMNS.get(i);
            values.add(column.endsWith("_at") ? rs.getObject(first + i, OffsetDateTime.class)
                    : rs.getObject(first + i));
        }
        TeamShareRow row = new TeamShareRow(rs.getObject(4, UUID.class), rs.getLong(5), rs.getString(6),
                rs.getObject(7, UUID.class), values);
        return new Entry(rs.getLong(1), rs.getInt(2), rs.getString(3), row);
    }

    /** Removes the rows the team database now has (in one transaction); returns how many were removed. */
    public int delete(List<UUID> uids) {
        if (uids.isEmpty()) {
            return 0;
        }
        return database.inTransaction(c -> {
            int removed = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM team_outbox WHERE uid = ?")) {
                for (UUID uid : uids) {
                    ps.setObject(1, uid);
                    removed += ps.executeUpdate();
                }
            }
            return removed;
        });
    }

    /** Notes a failed attempt to send these rows (they stay waiting). */
    public void failed(List<UUID> uids, String error) {
        if (uids.isEmpty()) {
            return;
        }
        String message = error == null ? "unknown error"
                : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE team_outbox SET attempts = attempts + 1, last_error = ? WHERE uid = ?")) {
                for (UUID uid : uids) {
                    ps.setString(1, message);
                    ps.setObject(2, uid);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return "TeamOutbox[" + database.directory() + "]";
    }
}
