package org.linkdesk.team;

import java.sql.PreparedStatement;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.store.Database;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.StoreException;

/**
 * How a protected link's History row is recorded in team mode: in the local history with its outbox row, in one
 * local transaction, the outbox row carrying the uid the team database already ties the share to, and the shown
 * URL instead of the link (a password-less protected link is its own bearer token: it must not reach the team
 * database in clear).
 */
public final class OutboxRowRecorder {
    private OutboxRowRecorder() {
    }

    /** Needs {@code shares} to have its outbox set (team mode). */
    public static ProtectedHistory.RowRecorder rows(ShareStore shares, Database database) {
        ProtectedHistory.RowRecorder local = ProtectedHistory.localRows(shares, database);
        return (row, extras, shownUrl, uid) -> database.inTransaction(c -> {
            long id = local.record(row, extras, shownUrl, uid);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE team_outbox SET uid = ?, url_redacted = ? WHERE share_id = ?")) {
                ps.setObject(1, uid);
                ps.setString(2, shownUrl);
                ps.setLong(3, id);
                if (ps.executeUpdate() != 1) {
                    throw new StoreException("The protected link's History row could not be queued for the team "
                            + "database; nothing was recorded. Try again.");
                }
            }
            return id;
        });
    }
}
