package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns a {@link HistoryEntry} is read from, and reading entries by id. */
final class HistoryRows {
    static final String COLUMNS = ShareStore.COLUMNS + ", recipient, tags, object_state, recorded_etag, checked_at, "
            + "check_detail, renewed_from, url_redacted";

    private HistoryRows() {
    }

    static Optional<HistoryEntry> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM share WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    /** These shares, newest first. */
    static List<HistoryEntry> byIds(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder in = new StringBuilder();
        for (long id : ids) {
            in.append(in.length() == 0 ? "" : ",").append(id);
        }
        List<HistoryEntry> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM share WHERE id IN (" + in
                + ") ORDER BY created_at DESC, id DESC")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(entry(rs));
                }
            }
        }
        return rows;
    }

    /** A row selected with {@link #COLUMNS}. */
    static HistoryEntry entry(ResultSet rs) throws SQLException {
        ShareRecord share = ShareStore.record(rs);
        ShareDetails details = new ShareDetails(share.note(), rs.getString("recipient"),
                ShareDetails.fromStored(rs.getString("tags")));
        return new HistoryEntry(share, details, ObjectState.valueOf(rs.getString("object_state")),
                rs.getString("recorded_etag"), ShareStore.instant(rs, "checked_at"), rs.getString("check_detail"),
                rs.getObject("renewed_from", Long.class), rs.getString("url_redacted"));
    }
}
