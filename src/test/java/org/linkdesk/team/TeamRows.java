package org.linkdesk.team;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.linkdesk.core.sign.PresignedUrl;
import org.linkdesk.store.LinkOptionsJson;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareExtras;

/**
 * Writes team history rows as a desktop's outbox sender does (INSERT … ON CONFLICT (uid) DO NOTHING), for tests and
 * benchmarks of the read side.
 */
public final class TeamRows {
    private TeamRows() {
    }

    /** Inserts one row; returns its id. {@code sealed}/{@code sealedFor} may be null (URL not kept). */
    public static long insert(TeamDatabase db, UUID uid, String madeBy, NewShare share, ShareExtras extras,
                              byte[] sealed, String sealedFor) {
        ShareDetails details = new ShareDetails(share.note(), extras.recipient(), extras.tags());
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO share (uid, made_by, created_at, "
                    + "profile_name, access_key_id, endpoint, region, bucket, object_key, method, options, "
                    + "requested_expiry_seconds, expires_at, expiry_limited_by, url_redacted, url_sealed, sealed_for, "
                    + "note, recipient, tags, recorded_etag, renewed_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING RETURNING id")) {
                int i = 0;
                ps.setObject(++i, uid);
                ps.setString(++i, madeBy);
                ps.setObject(++i, OffsetDateTime.ofInstant(share.createdAt(), ZoneOffset.UTC));
                ps.setString(++i, share.profileName());
                ps.setString(++i, share.accessKeyId());
                ps.setString(++i, share.endpoint());
                ps.setString(++i, share.region());
                ps.setString(++i, share.bucket());
                ps.setString(++i, share.key());
                ps.setString(++i, share.options().method().name());
                ps.setString(++i, LinkOptionsJson.write(share.options()));
                ps.setLong(++i, share.options().expiresIn().getSeconds());
                ps.setObject(++i, OffsetDateTime.ofInstant(share.expiresAt(), ZoneOffset.UTC));
                ps.setString(++i, share.expiryLimitedBy().name());
                ps.setString(++i, PresignedUrl.redact(share.url()));
                ps.setBytes(++i, sealed);
                ps.setString(++i, sealedFor);
                ps.setString(++i, details.note());
                ps.setString(++i, details.recipient());
                ps.setString(++i, details.storedTags());
                ps.setString(++i, extras.recordedEtag());
                ps.setObject(++i, extras.renewedFrom());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
    }
}
