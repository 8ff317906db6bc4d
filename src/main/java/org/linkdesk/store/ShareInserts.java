package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** Writing one row of the {@code share} table, with its search postings. */
final class ShareInserts {
    private ShareInserts() {
    }

    private static final String INSERT = "INSERT INTO share (created_at, profile_id, profile_name, access_key_id, "
            + "endpoint, region, bucket, object_key, method, options, requested_expiry_seconds, expires_at, "
            + "expiry_limited_by, url_redacted, url_sealed, note, recipient, tags, recorded_etag, renewed_from) VALUES "
            + "(?, (SELECT id FROM profile WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        long id;
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            id = insertRow(ps, share, urlRedacted, sealed, extras);
        }
        searchTexts.put(id, TrigramIndex.text(share.bucket(), share.key(), details.note(), details.recipient()));
        NewestMatches.recordCreated(c, id, share.createdAt());
        return id;
    }

    /**
     * Inserts many rows with one statement, then their search postings at once (each posting block is read and
     * written once per batch instead of once per row). Checks {@code cancelled} and reports rows written between rows.
     */
    static long[] insertAll(Connection c, List<NewShare> shares, List<String> urlsRedacted, List<byte[]> sealed,
                            BooleanSupplier cancelled, IntConsumer progress) throws SQLException {
        long[] ids = new long[shares.size()];
        Map<Long, String> texts = new HashMap<>();
        Map<Integer, Instant> newestPerBlock = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            for (int n = 0; n < ids.length; n++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Cancelled: no link of this batch was recorded.");
                }
                NewShare share = shares.get(n);
                ids[n] = insertRow(ps, share, urlsRedacted.get(n), sealed.get(n), ShareExtras.NONE);
                ShareDetails details = new ShareDetails(share.note(), null, null);
                texts.put(ids[n], TrigramIndex.text(share.bucket(), share.key(), details.note(), details.recipient()));
                newestPerBlock.merge(Postings.block(ids[n]), share.createdAt(),
                        (a, b) -> a.isAfter(b) ? a : b);
                progress.accept(n + 1);
            }
        }
        TrigramIndex.add(c, texts);
        for (var block : newestPerBlock.entrySet()) {
            NewestMatches.recordCreated(c, (long) block.getKey() * Postings.BLOCK_SIZE, block.getValue());
        }
        return ids;
    }

    private static long insertRow(PreparedStatement ps, NewShare share, String urlRedacted, byte[] sealed,
                                  ShareExtras extras) throws SQLException {
        ShareDetails details = new ShareDetails(share.note(), extras.recipient(), extras.tags());
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
            return keys.getLong(1);
        }
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

    /** The rows with {@code ids} (ascending within a transaction), read back in one range query, in that order. */
    static List<ShareRecord> readBack(Connection c, long[] ids) throws SQLException {
        if (ids.length == 0) {
            return List.of();
        }
        long min = Arrays.stream(ids).min().getAsLong();
        long max = Arrays.stream(ids).max().getAsLong();
        Map<Long, ShareRecord> byId = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ShareStore.COLUMNS + " FROM share WHERE id BETWEEN ? AND ?")) {
            ps.setLong(1, min);
            ps.setLong(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ShareRecord r = ShareStore.record(rs);
                    byId.put(r.id(), r);
                }
            }
        }
        List<ShareRecord> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            ShareRecord r = byId.get(id);
            if (r == null) {
                throw new SQLException("share " + id + " was not found right after it was inserted");
            }
            out.add(r);
        }
        return out;
    }
}
