package org.linkdesk.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.LinkOptionsJson;
import org.linkdesk.store.ObjectState;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareRecord;

/** The columns a team {@link HistoryEntry} is read from, and reading one. Profiles are local: no profile id here. */
final class TeamHistoryRows {
    static final String COLUMNS = "id, created_at, profile_name, access_key_id, endpoint, region, bucket, object_key, "
            + "options, expires_at, expiry_limited_by, url_sealed IS NOT NULL AS url_kept, note, recipient, tags, "
            + "object_state, recorded_etag, checked_at, check_detail, renewed_from, url_redacted, made_by";

    private TeamHistoryRows() {
    }

    static Optional<HistoryEntry> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM share WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    /** A row selected with {@link #COLUMNS}. */
    static HistoryEntry entry(ResultSet rs) throws SQLException {
        String note = rs.getString("note");
        ShareRecord share = new ShareRecord(rs.getLong("id"), instant(rs, "created_at"), null,
                rs.getString("profile_name"), rs.getString("access_key_id"), rs.getString("endpoint"),
                rs.getString("region"), rs.getString("bucket"), rs.getString("object_key"),
                LinkOptionsJson.read(rs.getString("options")), instant(rs, "expires_at"),
                EffectiveExpiry.Limit.valueOf(rs.getString("expiry_limited_by")), rs.getBoolean("url_kept"), note);
        ShareDetails details = new ShareDetails(note, rs.getString("recipient"),
                ShareDetails.fromStored(rs.getString("tags")));
        return new HistoryEntry(share, details, ObjectState.valueOf(rs.getString("object_state")),
                rs.getString("recorded_etag"), instant(rs, "checked_at"), rs.getString("check_detail"),
                rs.getObject("renewed_from", Long.class), rs.getString("url_redacted"), rs.getString("made_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
