package org.linkdesk.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.PresignedUrl;

/** The history of links, in the {@code share} table. Thread-safe. */
public final class ShareStore implements LinkUrls {
    static final String COLUMNS = "id, created_at, profile_id, profile_name, access_key_id, endpoint, region, bucket, "
            + "object_key, options, expires_at, expiry_limited_by, url_sealed IS NOT NULL AS url_kept, note";

    private final Database database;
    private final Vault vault;
    private final ShareImports imports;
    private volatile TeamOutbox outbox;

    public ShareStore(Database database, Vault vault) {
        this.database = database;
        this.vault = vault;
        this.imports = new ShareImports(database, vault);
    }

    /**
     * Team mode: from now on every row this store records also gets its {@link TeamOutbox} row, in the same
     * transaction. Null (the default, personal mode) records the history alone.
     */
    public void setOutbox(TeamOutbox outbox) {
        this.outbox = outbox;
    }

    /** The outbox set by {@link #setOutbox}, or null in personal mode. */
    public TeamOutbox outbox() {
        return outbox;
    }

    /**
     * Records a link (its URL sealed when the vault exists, else not kept). When the profile was deleted meanwhile
     * the share is recorded without a profile id, keeping the name.
     */
    public ShareRecord insert(NewShare share) {
        return insert(share, ShareExtras.NONE);
    }

    /** Records a link with a recipient, tags, the object's ETag or the share it renews. */
    public ShareRecord insert(NewShare share, ShareExtras extras) {
        return insert(share, extras, null, null);
    }

    /**
     * As {@link #insert(NewShare, ShareExtras)}, showing {@code shownUrl} (already free of secrets) instead of the
     * redacted URL when not null, and giving the row the team uid {@code teamUid} when not null — for a row whose
     * uid the team database already knows (a protected link's share is tied to it there). A row without one gets
     * its derived uid (see {@link PersonalHistoryRows}).
     */
    public ShareRecord insert(NewShare share, ShareExtras extras, String shownUrl, java.util.UUID teamUid) {
        ShareInserts.requireComplete(share);
        Objects.requireNonNull(extras, "extras");
        byte[] sealed = vault.canSeal() ? seal(share.url()) : null;
        String redacted = shownUrl != null ? shownUrl : PresignedUrl.redact(share.url());
        OutboxWrite team = OutboxWrite.of(outbox, vault);
        ShareRecord record = database.inTransaction(c -> {
            long id = ShareInserts.insert(c, share, redacted, sealed, extras);
            if (teamUid != null) {
                TeamShareRows.keepUid(c, id, teamUid);
            }
            team.add(c, id);
            return find(c, id).orElseThrow();
        });
        team.committed(true);
        return record;
    }

    /**
     * Adds imported shares all or nothing (in steps, {@link ImportPending}), skipping any the history already has (same creation time, access
     * key, bucket, key, method and expiry). Nothing is added when any insert fails.
     */
    public ImportResult importShares(List<ImportedShare> imports) {
        return importShares(() -> new ShareImports.ListFeed(imports.iterator()));
    }

    /**
     * As above, streaming: {@code feed} is opened once the import has the file to itself and read one share at a
     * time; any exception it throws undoes the whole import.
     */
    public ImportResult importShares(Supplier<? extends ShareFeed> feed) {
        return importShares(feed, 0);
    }

    /**
     * As above, for a feed of about {@code rows} shares: a large import builds the history's ordering indexes once
     * after its commit instead of row by row (see {@link #importRebuildsIndexes}).
     */
    public ImportResult importShares(Supplier<? extends ShareFeed> feed, long rows) {
        return imports.run(feed, rows, outbox, this);
    }

    /**
     * Whether an import of {@code rows} shares drops the share table's ordering indexes and builds them again after
     * it (then the database file grows far less while it runs, and by about its own size for the rebuild).
     */
    public boolean importRebuildsIndexes(long rows) {
        return LargeImports.rebuildsIndexes(database, rows);
    }

    /** The data directory holding the history (for free-space checks before large writes). */
    public java.nio.file.Path directory() {
        return database.directory();
    }

    /**
     * Records many links in ONE transaction: all of them or, when any row fails, none. URLs are sealed before the
     * transaction starts, so it stays short. Returns the records in the order given.
     */
    public List<ShareRecord> insertAll(List<NewShare> batch) {
        return insertAll(batch, () -> false, written -> { });
    }

    /**
     * {@link #insertAll(List)} that reports rows written and checks {@code cancelled} between rows: cancelling
     * throws {@link CancellationException} and rolls everything back.
     */
    public List<ShareRecord> insertAll(List<NewShare> batch, BooleanSupplier cancelled, IntConsumer progress) {
        batch.forEach(ShareInserts::requireComplete);
        List<byte[]> sealed = sealAll(batch);
        List<String> redacted = new ArrayList<>(batch.size());
        for (NewShare share : batch) {
            redacted.add(PresignedUrl.redact(share.url()));
        }
        OutboxWrite team = OutboxWrite.of(outbox, vault);
        List<ShareRecord> records = database.inTransaction(c -> {
            long[] ids = ShareInserts.insertAll(c, batch, redacted, sealed, cancelled, progress);
            team.add(c, ids);
            return ShareInserts.readBack(c, ids);
        });
        team.committed(!records.isEmpty());
        return records;
    }

    /** Each URL sealed (one key agreement for the batch), or nulls when there is no vault to seal to. */
    private List<byte[]> sealAll(List<NewShare> batch) {
        if (batch.isEmpty() || !vault.canSeal()) {
            return java.util.Collections.nCopies(batch.size(), null);
        }
        List<byte[]> plain = new ArrayList<>(batch.size());
        for (NewShare share : batch) {
            plain.add(share.url().getBytes(UTF_8));
        }
        try {
            return vault.sealAll(plain);
        } finally {
            plain.forEach(p -> Arrays.fill(p, (byte) 0));
        }
    }

    /** Newest first. */
    public List<ShareRecord> newest(int limit, int offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM share ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ShareRecord> page = new ArrayList<>();
                    while (rs.next()) {
                        page.add(record(rs));
                    }
                    return page;
                }
            }
        });
    }

    public Optional<ShareRecord> find(long id) {
        return database.read(c -> find(c, id));
    }

    /** The full URL of a recorded link; needs the vault unlocked; empty when it was not kept. */
    @Override
    public Optional<String> url(long id) {
        byte[] sealed = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT url_sealed FROM share WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
        if (sealed == null) {
            return Optional.empty();
        }
        byte[] url = vault.unseal(sealed);
        try {
            return Optional.of(new String(url, UTF_8));
        } finally {
            Arrays.fill(url, (byte) 0);
        }
    }

    public boolean delete(long id) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM share WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public long count() {
        return database.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM share")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    byte[] seal(String url) {
        byte[] plain = url.getBytes(UTF_8);
        try {
            return vault.seal(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static Optional<ShareRecord> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM share WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    /** A row selected with {@link #COLUMNS}. */
    static ShareRecord record(ResultSet rs) throws SQLException {
        return new ShareRecord(rs.getLong("id"), instant(rs, "created_at"), rs.getObject("profile_id", Long.class),
                rs.getString("profile_name"), rs.getString("access_key_id"), rs.getString("endpoint"),
                rs.getString("region"), rs.getString("bucket"), rs.getString("object_key"),
                LinkOptionsJson.read(rs.getString("options")), instant(rs, "expires_at"),
                EffectiveExpiry.Limit.valueOf(rs.getString("expiry_limited_by")), rs.getBoolean("url_kept"),
                rs.getString("note"));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
