package org.linkdesk.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads rows of the local {@code share} table as {@link TeamShareRow}s, with their stable team uids. */
final class TeamShareRows {
    private static final String SELECT = "SELECT s.id, "
            + TeamShareRow.COLUMNS.stream().map(c -> c.equals("sealed_for") ? "NULL" : "s." + c)
                    .collect(Collectors.joining(", "))
            + ", r.id, r.created_at, r.bucket, r.object_key, u.uid, ru.uid FROM share s "
            + "LEFT JOIN share r ON r.id = s.renewed_from LEFT JOIN team_share_uid u ON u.share_id = s.id "
            + "LEFT JOIN team_share_uid ru ON ru.share_id = r.id ";
    private static final int SEALED = TeamShareRow.COLUMNS.indexOf("url_sealed");
    private static final int SEALED_FOR = TeamShareRow.COLUMNS.indexOf("sealed_for");

    private TeamShareRows() {
    }

    /** Keeps {@code uid} as the team uid of share {@code shareId} (chosen before the share was recorded). */
    static void keepUid(Connection c, long shareId, UUID uid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO team_share_uid (share_id, uid) VALUES (?, ?)")) {
            ps.setLong(1, shareId);
            ps.setObject(2, uid);
            ps.executeUpdate();
        }
    }

    /**
     * The uid a local share has in the team database, unless one was kept for it ({@link #keepUid}): derived from
     * this installation's id and the row's own unchanging fields, so every copy of that row (outbox, history move, a
     * re-run) carries the same one.
     */
    static UUID uid(String installId, long localId, OffsetDateTime createdAt, String bucket, String key) {
        String name = installId + ":" + localId + ":" + createdAt.toInstant().getEpochSecond() + "."
                + createdAt.toInstant().getNano() + ":" + bucket + "/" + key;
        return UUID.nameUUIDFromBytes(name.getBytes(UTF_8));
    }

    /** Hex SHA-256 of the vault's public key: whom a sealed URL can be opened by. Null without a key. */
    static String sealedFor(byte[] sealingKey) {
        if (sealingKey == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealingKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** This installation's id (made by the schema migration). */
    static String installId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT install_id FROM team_installation WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the installation id is missing from team_installation");
            }
            return rs.getObject(1, UUID.class).toString();
        }
    }

    /** The rows with these ids (each must exist), in the order given. */
    static List<TeamShareRow> byIds(Connection c, long[] ids, String madeBy, byte[] sealingKey) throws SQLException {
        String installId = installId(c);
        String sealedFor = sealedFor(sealingKey);
        List<TeamShareRow> rows = new ArrayList<>(ids.length);
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE s.id = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("share " + id + " was not found right after it was inserted");
                    }
                    rows.add(row(rs, installId, madeBy, sealedFor));
                }
            }
        }
        return rows;
    }

    /** Up to {@code limit} rows with ids above {@code afterId}, by id. */
    static List<TeamShareRow> page(Connection c, long afterId, int limit, String madeBy, byte[] sealingKey)
            throws SQLException {
        String installId = installId(c);
        String sealedFor = sealedFor(sealingKey);
        List<TeamShareRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE s.id > ? ORDER BY s.id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, installId, madeBy, sealedFor));
                }
            }
        }
        return rows;
    }

    private static TeamShareRow row(ResultSet rs, String installId, String madeBy, String sealedFor)
            throws SQLException {
        int n = TeamShareRow.COLUMNS.size();
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String column = TeamShareRow.COLUMNS.get(i);
            values.add(column.endsWith("_at") ? rs.getObject(i + 2, OffsetDateTime.class) : rs.getObject(i + 2));
        }
        if (values.get(SEALED) != null) {
            values.set(SEALED_FOR, sealedFor);
        }
        if (sealedFor == null) {
            values.set(SEALED, null);   // a URL nobody could open again is not worth sending
        }
        long id = rs.getLong(1);
        UUID uid = rs.getObject(n + 6, UUID.class);
        if (uid == null) {
            uid = uid(installId, id, (OffsetDateTime) values.get(0), (String) values.get(5), (String) values.get(6));
        }
        UUID renewed = rs.getObject(n + 7, UUID.class);
        long renewedId = rs.getLong(n + 2);
        if (!rs.wasNull() && renewed == null) {
            renewed = uid(installId, renewedId, rs.getObject(n + 3, OffsetDateTime.class), rs.getString(n + 4),
                    rs.getString(n + 5));
        }
        return new TeamShareRow(uid, id, madeBy, renewed, values);
    }
}
