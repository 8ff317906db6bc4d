package org.linkdesk.testing;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.store.Database;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.SqlAccess;

/**
 * For tests of protected links in team mode without the outbox: records the History row locally, then sends it to the
 * team database at once the way the outbox sender does ({@code INSERT … ON CONFLICT (uid) DO NOTHING}).
 */
public final class TeamOutboxStandIn {
    private TeamOutboxStandIn() {
    }

    public static ProtectedHistory.RowRecorder rows(ShareStore local, Database localDatabase, SqlAccess team,
                                                    String madeBy) {
        ProtectedHistory.RowRecorder localRows = ProtectedHistory.localRows(local, localDatabase);
        return (row, extras, shownUrl, uid) -> {
            long id = localRows.record(row, extras, shownUrl, uid);
            team.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO share (uid, made_by, created_at, "
                        + "profile_name, access_key_id, endpoint, region, bucket, object_key, method, options, "
                        + "requested_expiry_seconds, expires_at, expiry_limited_by, url_redacted, note, tags) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING")) {
                    int i = 0;
                    ps.setObject(++i, uid);
                    ps.setString(++i, madeBy);
                    ps.setObject(++i, OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC));
                    ps.setString(++i, row.profileName());
                    ps.setString(++i, row.accessKeyId());
                    ps.setString(++i, row.endpoint());
                    ps.setString(++i, row.region());
                    ps.setString(++i, row.bucket());
                    ps.setString(++i, row.key());
                    ps.setString(++i, row.options().method().name());
                    ps.setLong(++i, row.options().expiresIn().getSeconds());
                    ps.setObject(++i, OffsetDateTime.ofInstant(row.expiresAt(), ZoneOffset.UTC));
                    ps.setString(++i, row.expiryLimitedBy().name());
                    ps.setString(++i, shownUrl);
                    ps.setString(++i, row.note());
                    ps.setString(++i, String.join(",", extras.tags()));
                    return ps.executeUpdate();
                }
            });
            return id;
        };
    }
}
