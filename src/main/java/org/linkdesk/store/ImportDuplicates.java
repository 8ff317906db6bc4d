package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Recognises imported shares the history already has, or that came earlier in the same import: same creation time,
 * access key, bucket, key, method and expiry. One per import transaction: rows inserted earlier in it are visible
 * to the lookup, so nothing is held in memory per row (an import may have millions).
 */
final class ImportDuplicates {
    private final Connection connection;

    ImportDuplicates(Connection connection) {
        this.connection = connection;
    }

    boolean isDuplicate(NewShare s) throws SQLException {
        return exists(s);
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
