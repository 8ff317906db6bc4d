package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * What a check of a share's object found, written to its row: gone, present (the first ETag seen becomes the
 * baseline) or changed. The same SQL for the personal (H2) and the team (PostgreSQL) history.
 */
public final class ObjectCheckWrite {
    private ObjectCheckWrite() {
    }

    /** @param baseline the row's recorded ETag before this check, or null */
    public static void write(Connection c, long id, String baseline, boolean found, String etag, String detail,
                             Instant at) throws SQLException {
        ObjectState state;
        if (!found) {
            state = ObjectState.GONE;
        } else if (baseline == null || etag == null || baseline.equals(etag)) {
            state = ObjectState.PRESENT;
            baseline = baseline == null ? etag : baseline;
        } else {
            state = ObjectState.CHANGED;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE share SET object_state = ?, recorded_etag = ?, "
                + "checked_at = ?, check_detail = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, baseline);
            ps.setObject(3, ShareStore.utc(at));
            ps.setString(4, detail);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }
}
