package org.linkdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Buckets bookmarked per profile ({@code bucket_bookmark}), for browsing buckets a profile may not list. */
public final class BookmarkStore {
    private final Database database;
    private final Clock clock;

    public BookmarkStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The profile's bookmarked buckets, by name. */
    public List<String> buckets(long profileId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT bucket FROM bucket_bookmark WHERE profile_id = ? ORDER BY bucket")) {
                ps.setLong(1, profileId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                }
            }
        });
    }

    /** Bookmarks {@code bucket} for the profile; returns false when it already was. */
    public boolean add(long profileId, String bucket) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bucket_bookmark (profile_id, bucket, created_at) "
                    + "SELECT ?, ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM bucket_bookmark WHERE profile_id = ? AND bucket = ?)")) {
                ps.setLong(1, profileId);
                ps.setString(2, bucket);
                ps.setObject(3, ShareStore.utc(clock.instant()));
                ps.setLong(4, profileId);
                ps.setString(5, bucket);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Removes the bookmark; returns whether there was one. */
    public boolean remove(long profileId, String bucket) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM bucket_bookmark WHERE profile_id = ? AND bucket = ?")) {
                ps.setLong(1, profileId);
                ps.setString(2, bucket);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
