package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Map;
import java.util.Objects;

/** Writing one row of the {@code share} table, with its search postings. */
final class ShareInserts {
    private ShareInserts() {
    }

    /** Inserts one row and its search postings; {@code share.url()} is not used (it may be null). */
    static long insert(Connection c, NewShare share, String urlRedacted, byte[] sealed, ShareExtras extras)
            throws SQLException {
        Map<Long, String> texts = new java.util.HashMap<>();
        long id = insert(c, share, urlRedacted, sealed, extras, texts);
        TrigramIndex.add(c, texts);
        return id;
    }

    /**
     * Inserts one row, adding its search text to {@code searchTexts} for the caller to index with the rest of a batch
     * in one {@link TrigramIndex#add} (indexing row by row rewrites each posting list once per row: slow, and the
     * file balloons with the old versions).
     */
    static long insert(Connection c, NewShare share, String urlRedacted, byte[] sealed, ShareExtras extras,
                       Map<Long, String> searchTexts) throws SQLException {
        ShareDetails details = new ShareDetails(share.note(), extras.recipient(), extras.tags());
        String sql = "INSERT INTO share (created_at, profile_id, profile_name, access_key_id, endpoint, region, "
                + "bucket, object_key, method, options, requested_expiry_seconds, expires_at, expiry_limited_by, url_redacted, "
                + "url_sealed, note, recipient, tags, recorded_etag, renewed_from) VALUES (?, "
                + "(SELECT id FROM profile WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        long id;
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = 0;
            ps.setObject(++i, ShareStore.utc(share.createdAt()));
            ps.setObject(++i, share.profileId(), Types.BIGINT);
            ps.setString(++i, share.profileName());
            ps.setString(++i, share.accessKeyId());
            ps.setString(++i, share.endpoint());
            ps.setString(++i, share.region());
            ps.setString(++i, share.bucket());
            ps.setString(++i, share.key());
            ps.setString(++i, share.options().method().name());
            ps.setString(++i, LinkOptionsJson.write(share.options()));
            ps.setLong(++i, share.options().expiresIn().getSeconds());
            ps.setObject(++i, ShareStore.utc(share.expiresAt()));
            ps.setString(++i, share.expiryLimitedBy().name());
            ps.setString(++i, urlRedacted);
            ps.setBytes(++i, sealed);
            ps.setString(++i, details.note());
            ps.setString(++i, details.recipient());
            ps.setString(++i, details.storedTags());
            ps.setString(++i, extras.recordedEtag());
            ps.setObject(++i, extras.renewedFrom(), Types.BIGINT);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        searchTexts.put(id, TrigramIndex.text(share.bucket(), share.key(), details.note(), details.recipient()));
        NewestMatches.recordCreated(c, id, share.createdAt());
        return id;
    }

    /** Fails on the first field a new link must have but {@code s} lacks. */
    static void requireComplete(NewShare s) {
        Objects.requireNonNull(s, "share");
        Objects.requireNonNull(s.createdAt(), "createdAt");
        Objects.requireNonNull(s.accessKeyId(), "accessKeyId");
        Objects.requireNonNull(s.region(), "region");
        Objects.requireNonNull(s.bucket(), "bucket");
        Objects.requireNonNull(s.key(), "key");
        Objects.requireNonNull(s.options(), "options");
        Objects.requireNonNull(s.options().expiresIn(), "options.expiresIn");
        Objects.requireNonNull(s.expiresAt(), "expiresAt");
        Objects.requireNonNull(s.expiryLimitedBy(), "expiryLimitedBy");
        Objects.requireNonNull(s.url(), "url");
    }
}
