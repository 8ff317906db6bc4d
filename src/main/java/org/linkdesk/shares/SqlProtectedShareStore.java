package org.linkdesk.shares;

import static org.linkdesk.shares.ProtectedShareRows.COLUMNS;
import static org.linkdesk.shares.ProtectedShareRows.insertRow;
import static org.linkdesk.shares.ProtectedShareRows.instant;
import static org.linkdesk.shares.ProtectedShareRows.row;
import static org.linkdesk.shares.ProtectedShareRows.setInt;
import static org.linkdesk.shares.ProtectedShareRows.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linkdesk.store.SqlAccess;
import org.linkdesk.store.StoreException;

/** {@link ProtectedShareStore} in tables {@code protected_share}, {@code protected_download} and {@code settings}. */
public final class SqlProtectedShareStore implements ProtectedShareStore {
    private final SqlAccess database;

    public SqlProtectedShareStore(SqlAccess database) {
        this.database = database;
    }

    @Override
    public void insert(ProtectedShare s, String passwordHash, UUID historyUid) {
        database.inTransaction(c -> {
            insertRow(c, s, passwordHash);
            if (historyUid != null) {
                tie(c, s.id(), historyUid);
            }
            return null;
        });
    }

    /**
     * Team schema only (V10): the tie by uid, and the tie by history id at once if the row is already there (else the
     * trigger on {@code share} makes it when the row arrives).
     */
    private static void tie(Connection c, String shareId, UUID historyUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO protected_share_uid (history_uid, share_id) VALUES (?, ?)")) {
            ps.setObject(1, historyUid);
            ps.setString(2, shareId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO protected_share_history (history_id, share_id) "
                + "SELECT id, ? FROM share WHERE uid = ? ON CONFLICT DO NOTHING")) {
            ps.setString(1, shareId);
            ps.setObject(2, historyUid);
            ps.executeUpdate();
        }
    }

    @Override
    public boolean discard(String id) {
        return database.inTransaction(c -> {
            try (PreparedStatement logs = c.prepareStatement("DELETE FROM protected_download WHERE share_id = ?");
                 PreparedStatement share = c.prepareStatement("DELETE FROM protected_share WHERE id = ?")) {
                logs.setString(1, id);
                logs.executeUpdate();
                share.setString(1, id);
                return share.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<StoredShare> find(String id) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM protected_share WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredShare(row(rs), rs.getString("password_hash")))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ProtectedShare> list(String owner, int limit) {
        return database.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM protected_share"
                    + (owner == null ? "" : " WHERE owner = ?") + " ORDER BY created_at DESC, id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (owner != null) {
                    ps.setString(i++, owner);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ProtectedShare> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public boolean update(String id, Instant expiresAt, Integer maxDownloads, boolean changePassword,
                          String passwordHash) {
        return database.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("UPDATE protected_share SET id = id");
            if (expiresAt != null) {
                sql.append(", expires_at = ?");
            }
            if (maxDownloads != null) {
                sql.append(", max_downloads = ?");
            }
            if (changePassword) {
                sql.append(", password_hash = ?");
            }
            sql.append(" WHERE id = ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (expiresAt != null) {
                    ps.setObject(i++, utc(expiresAt));
                }
                if (maxDownloads != null) {
                    setInt(ps, i++, maxDownloads == 0 ? null : maxDownloads);
                }
                if (changePassword) {
                    ps.setString(i++, passwordHash);
                }
                ps.setString(i, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE protected_share SET revoked = TRUE, "
                    + "revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")) {
                ps.setObject(1, utc(at));
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean countDownload(DownloadRecord record) {
        return database.inTransaction(c -> {
            OffsetDateTime at = utc(record.at());
            try (PreparedStatement ps = c.prepareStatement("UPDATE protected_share SET downloads = downloads + 1, "
                    + "last_download_at = ? WHERE id = ? AND revoked = FALSE AND expires_at > ? "
                    + "AND (max_downloads IS NULL OR downloads < max_downloads)")) {
                ps.setObject(1, at);
                ps.setString(2, record.shareId());
                ps.setObject(3, at);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO protected_download (share_id, downloaded_at, "
                    + "ip_hash, user_agent) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, record.shareId());
                ps.setObject(2, at);
                ps.setString(3, record.ipHash());
                ps.setString(4, record.userAgent());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public void replacePasswordHash(String id, String oldHash, String newHash) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE protected_share SET password_hash = ? WHERE id = ? AND password_hash = ?")) {
                ps.setString(1, newHash);
                ps.setString(2, id);
                ps.setString(3, oldHash);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<DownloadRecord> downloads(String id) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT downloaded_at, ip_hash, user_agent "
                    + "FROM protected_download WHERE share_id = ? ORDER BY downloaded_at, id")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    List<DownloadRecord> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new DownloadRecord(id, instant(rs, "downloaded_at"), rs.getString("ip_hash"),
                                rs.getString("user_agent")));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public int purgeExpired(Instant before) {
        return database.inTransaction(c -> {
            // Logs first: the same on databases where the foreign key's cascade is not there.
            try (PreparedStatement logs = c.prepareStatement("DELETE FROM protected_download WHERE share_id IN "
                    + "(SELECT id FROM protected_share WHERE expires_at <= ?)");
                 PreparedStatement shares = c.prepareStatement("DELETE FROM protected_share WHERE expires_at <= ?")) {
                logs.setObject(1, utc(before));
                logs.executeUpdate();
                shares.setObject(1, utc(before));
                return shares.executeUpdate();
            }
        });
    }

    @Override
    public Optional<String> setting(String name) {
        return database.read(c -> Optional.ofNullable(readSetting(c, name)));
    }

    @Override
    public void putSetting(String name, String value) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE settings SET setting_value = ? WHERE setting_name = ?")) {
                ps.setString(1, value);
                ps.setString(2, name);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            insertSetting(c, name, value);
            return null;
        });
    }

    @Override
    public String settingIfAbsent(String name, String value) {
        try {
            return database.inTransaction(c -> {
                insertSetting(c, name, value);
                return readSetting(c, name);
            });
        } catch (StoreException e) {
            // Two requests (or gateways) wrote the first value at once: the other one's stands.
            String stored = database.read(c -> readSetting(c, name));
            if (stored == null) {
                throw e;
            }
            return stored;
        }
    }

    private static void insertSetting(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (setting_name, setting_value) "
                + "SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM settings WHERE setting_name = ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.setString(3, name);
            ps.executeUpdate();
        }
    }

    private static String readSetting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
