package org.linkdesk.shares;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The {@code protected_share} row for {@link SqlProtectedShareStore}: its columns, the insert, and the read back. */
final class ProtectedShareRows {
    static final String COLUMNS = "id, owner, bucket, object_key, file_name, size_bytes, password_hash, "
            + "max_downloads, downloads, created_at, expires_at, revoked_at, last_download_at, note";

    private ProtectedShareRows() {
    }

    static void insertRow(Connection c, ProtectedShare s, String passwordHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO protected_share (id, owner, bucket, object_key, "
                + "file_name, size_bytes, password_hash, max_downloads, downloads, created_at, expires_at, note) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.owner());
            ps.setString(3, s.bucket());
            ps.setString(4, s.key());
            ps.setString(5, s.fileName());
            setLong(ps, 6, s.sizeBytes());
            ps.setString(7, passwordHash);
            setInt(ps, 8, s.maxDownloads());
            ps.setObject(9, utc(s.createdAt()));
            ps.setObject(10, utc(s.expiresAt()));
            ps.setString(11, s.note());
            ps.executeUpdate();
        }
    }

    static ProtectedShare row(ResultSet rs) throws SQLException {
        long size = rs.getLong("size_bytes");
        Long sizeBytes = rs.wasNull() ? null : size;
        int max = rs.getInt("max_downloads");
        Integer maxDownloads = rs.wasNull() ? null : max;
        return new ProtectedShare(rs.getString("id"), rs.getString("owner"), rs.getString("bucket"),
                rs.getString("object_key"), rs.getString("file_name"), sizeBytes,
                rs.getString("password_hash") != null, maxDownloads, rs.getInt("downloads"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                instant(rs, "last_download_at"), rs.getString("note"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    static void setInt(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }
}
