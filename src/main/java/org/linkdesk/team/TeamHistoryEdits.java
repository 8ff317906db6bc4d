package org.linkdesk.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ObjectCheckWrite;
import org.linkdesk.store.ShareDetails;

/** Edits of one team history row: its details, and what a check of its object found. */
final class TeamHistoryEdits {
    private TeamHistoryEdits() {
    }

    static Optional<HistoryEntry> updateDetails(Connection c, long id, ShareDetails details) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE share SET note = ?, recipient = ?, tags = ? WHERE id = ?")) {
            ps.setString(1, details.note());
            ps.setString(2, details.recipient());
            ps.setString(3, details.storedTags());
            ps.setLong(4, id);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return TeamHistoryRows.find(c, id);
    }

    static Optional<HistoryEntry> recordCheck(Connection c, long id, boolean found, String etag, String detail,
                                              Instant at) throws SQLException {
        String baseline;
        try (PreparedStatement ps = c.prepareStatement("SELECT recorded_etag FROM share WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                baseline = rs.getString(1);
            }
        }
        ObjectCheckWrite.write(c, id, baseline, found, etag, detail, at);
        return TeamHistoryRows.find(c, id);
    }
}
