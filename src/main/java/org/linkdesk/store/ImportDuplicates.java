package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises imported shares the history already has, or that came earlier in the same import: same creation time,
 * access key, bucket, key, method and expiry. One per import transaction.
 */
final class ImportDuplicates {
    private final Connection connection;
    private final Set<String> seen = new HashSet<>();

    ImportDuplicates(Connection connection) {
        this.connection = connection;
    }

    boolean isDuplicate(NewShare s) throws SQLException {
        return !seen.add(identity(s)) || exists(s);
    }

    private static String identity(NewShare s) {
        return s.createdAt() + "\u0000" + s.accessKeyId() + "\u0000" + s.bucket() + "\u0000" + s.key() + "\u0000"
                + s.options().method() + "\u0000" + s.expiresAt();
    }

    private boolean exists(NewShare s) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM share WHERE created_at = ? "
                + "AND access_key_id = ? AND bucket = ? AND object_key = ? AND method = ? AND expires_at = ? "
                + "LIMIT 1")) {
            ps.setObject(1, ShareStore.utc(s.createdAt()));
            ps.setString(2, s.accessKeyId());
            ps.setString(3, s.bucket());
            ps.setString(4, s.key());
            ps.setString(5, s.options().method().name());
            ps.setObject(6, ShareStore.utc(s.expiresAt()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
