package org.linkdesk.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.linkdesk.store.TeamShareRow;

/**
 * Inserts history rows into the team database, each at most once: a uid it already has is skipped ({@code ON
 * CONFLICT (uid) DO NOTHING}), so a row sent again after a lost answer or a kill is stored once.
 */
final class TeamShareWriter {
    private static final String INSERT = "INSERT INTO share (uid, made_by, renewed_from, "
            + String.join(", ", TeamShareRow.COLUMNS) + ") VALUES (?, ?, (SELECT r.id FROM share r WHERE r.uid = ?)"
            + ", ?".repeat(TeamShareRow.COLUMNS.size()) + ") ON CONFLICT (uid) DO NOTHING";

    private TeamShareWriter() {
    }

    /** Inserts {@code rows} in the caller's transaction, in order; returns how many were new. */
    static int insert(Connection c, List<TeamShareRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (TeamShareRow row : rows) {
                int i = 0;
                ps.setObject(++i, row.uid());
                ps.setString(++i, row.madeBy());
                ps.setObject(++i, row.renewedFromUid(), Types.OTHER);
                for (Object value : row.values()) {
                    if (value == null) {
                        ps.setNull(++i, Types.NULL);
                    } else {
                        ps.setObject(++i, value);
                    }
                }
                if (rows.size() == 1) {
                    return ps.executeUpdate();   // a refusal then names the reason, not "batch entry 0"
                }
                ps.addBatch();
            }
            int added = 0;
            for (int count : ps.executeBatch()) {
                added += Math.max(count, 0);
            }
            return added;
        }
    }
}
