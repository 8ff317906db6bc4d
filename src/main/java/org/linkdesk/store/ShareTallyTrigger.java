package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * Keeps {@code share_tally} and {@code share_day} exact on every insert, delete and update of a share, in the same
 * transaction, whoever writes (the app, the CLI, an import, a purge). Created by migration V7; H2 calls it.
 */
public final class ShareTallyTrigger implements Trigger {
    private static final String ADD_TALLY = "MERGE INTO share_tally (bucket, profile_key, method, tags, n) "
            + "KEY (bucket, profile_key, method, tags) VALUES (?, ?, ?, ?, "
            + "COALESCE((SELECT n FROM share_tally WHERE bucket = ? AND profile_key = ? AND method = ? AND tags = ?), 0)"
            + " + ?)";
    private static final String ADD_DAY = "MERGE INTO share_day (created_day, n) KEY (created_day) VALUES (?, "
            + "COALESCE((SELECT n FROM share_day WHERE created_day = ?), 0) + ?)";

    private int created;
    private int profile;
    private int bucket;
    private int method;
    private int tags;

    @Override
    public void init(Connection c, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                int at = rs.getInt("ORDINAL_POSITION") - 1;
                switch (rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT)) {
                    case "created_at" -> created = at;
                    case "profile_name" -> profile = at;
                    case "bucket" -> bucket = at;
                    case "method" -> method = at;
                    case "tags" -> tags = at;
                    default -> { }
                }
            }
        }
    }

    @Override
    public void fire(Connection c, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && sameTally(oldRow, newRow)) {
            return;
        }
        if (oldRow != null) {
            add(c, oldRow, -1);
        }
        if (newRow != null) {
            add(c, newRow, 1);
        }
    }

    private boolean sameTally(Object[] a, Object[] b) {
        return Objects.equals(a[created], b[created]) && Objects.equals(a[profile], b[profile])
                && Objects.equals(a[bucket], b[bucket]) && Objects.equals(a[method], b[method])
                && Objects.equals(a[tags], b[tags]);
    }

    private void add(Connection c, Object[] row, int delta) throws SQLException {
        String[] key = {(String) row[bucket], orEmpty(row[profile]), (String) row[method], orEmpty(row[tags])};
        try (PreparedStatement ps = c.prepareStatement(ADD_TALLY)) {
            for (int i = 0; i < 4; i++) {
                ps.setString(i + 1, key[i]);
                ps.setString(i + 5, key[i]);
            }
            ps.setLong(9, delta);
            ps.executeUpdate();
        }
        int day = HistoryTally.day(row[created] instanceof OffsetDateTime t ? t.toInstant()
                : ((java.sql.Timestamp) row[created]).toInstant());
        try (PreparedStatement ps = c.prepareStatement(ADD_DAY)) {
            ps.setInt(1, day);
            ps.setInt(2, day);
            ps.setLong(3, delta);
            ps.executeUpdate();
        }
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : (String) value;
    }

    @Override
    public void close() {
    }

    @Override
    public void remove() {
    }
}
