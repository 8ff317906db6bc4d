package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;

/**
 * A history for comparing pages with the plain {@code ORDER BY … OFFSET} walk: every sortable and filterable column
 * varied, with ties on the creation time, NULL profiles, notes, recipients and tags, and some objects gone.
 */
final class VariedShares {
    private VariedShares() {
    }

    /** Records {@code count} shares made up to {@code now}; {@code tags} is the SQL for each share's tag set. */
    static void seed(Database db, int count, Instant now, String tags) {
        ShareStore shares = new ShareStore(db, new Vault(db));
        List<NewShare> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant created = now.minus(Duration.ofMinutes(count - i / 3));   // ties on the creation time
            LinkOptions options = i % 5 == 0 ? new LinkOptions(HttpMethod.PUT, Duration.ofHours(1 + i % 4), null,
                    false, null, null, null) : LinkOptions.get(Duration.ofHours(1 + i % 4));
            rows.add(new NewShare(created, null, i % 3 == 0 ? null : "profile-" + i % 4, "AKIA", null, "eu-west-1",
                    "bucket-" + i % 6, "folder/file " + i % 97 + ".pdf", options,
                    created.plus(Duration.ofHours(1 + i % 4)), EffectiveExpiry.Limit.REQUESTED, "https://x/" + i,
                    i % 2 == 0 ? null : "note " + i % 13));
        }
        shares.insertAll(rows);
        db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE share SET recipient = CASE WHEN MOD(id, 3) = 0 THEN NULL "
                        + "ELSE 'r' || MOD(id, 5) END, tags = " + tags + ", "
                        + "object_state = CASE WHEN MOD(id, 7) = 0 THEN 'GONE' ELSE object_state END");
            }
            return null;
        });
    }

    /** The query's matches in its order at {@code now}, by the plain SQL {@code ORDER BY} walk (the reference). */
    static List<Long> walked(Connection c, HistoryQuery q, Instant now) throws SQLException {
        HistorySql sql = HistorySql.of(c, q, now);
        List<Long> ids = new ArrayList<>();
        if (sql.nothing) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT share.id" + sql.from + sql.where
                + sql.orderBy(false))) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
