package org.linkdesk.team;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.linkdesk.store.HistoryCount;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryRepository;
import org.linkdesk.store.PortableQueries;
import org.linkdesk.store.HistorySummary;
import org.linkdesk.store.ShareDetails;

/**
 * The team's history on PostgreSQL, as one member's desktop reads and edits it: everyone's links, with who made
 * each ({@link HistoryEntry#madeBy()}), searched with pg_trgm. The signed URLs are opened by {@link TeamLinkUrls}.
 * Thread-safe.
 */
public final class TeamHistoryStore implements HistoryRepository {
    private static final int PURGE_STEP = 1_000;
    private static final int FETCH_SIZE = 500;

    private final TeamDatabase database;

    public TeamHistoryStore(TeamDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public List<HistoryEntry> page(HistoryQuery query, Instant now, long offset, int limit, long knownCount) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        TeamHistorySql sql = TeamHistorySql.of(query, now);
        // Past the middle of a known count, read from the other end: the last page is as quick as the first.
        boolean fromEnd = knownCount > 0 && offset > knownCount / 2;
        long start = offset;
        int size = limit;
        if (fromEnd) {
            long end = Math.min(knownCount, offset + limit);
            start = knownCount - end;
            size = (int) Math.max(0, end - offset);
        }
        long first = start;
        int rowsWanted = size;
        return database.read(c -> {
            List<HistoryEntry> rows = new ArrayList<>(rowsWanted);
            // A deep page finds its ids first, skipping rows in an index alone (index-only scan: no table reads
            // for the rows passed over), then reads the page's rows: 500 000 rows in are no longer 500 000 reads.
            String pageSql = first == 0
                    ? "SELECT " + TeamHistoryRows.COLUMNS + " FROM share" + sql.where + sql.orderBy(fromEnd)
                            + " LIMIT ? OFFSET ?"
                    : "SELECT " + TeamHistoryRows.COLUMNS + " FROM share WHERE id IN (SELECT id FROM share"
                            + sql.where + sql.orderBy(fromEnd) + " LIMIT ? OFFSET ?)" + sql.orderBy(fromEnd);
            try (PreparedStatement ps = c.prepareStatement(pageSql)) {
                int i = sql.bind(ps, 1);
                ps.setInt(i, rowsWanted);
                ps.setLong(i + 1, first);
                collect(ps, rows::add);
            }
            if (fromEnd) {
                Collections.reverse(rows);
            }
            return rows;
        });
    }

    @Override
    public long count(HistoryQuery query, Instant now) {
        return database.read(c -> TeamHistoryCounts.count(c, query, now));
    }

    @Override
    public HistoryCount quickCount(HistoryQuery query, Instant now) {
        return database.read(c -> TeamHistoryCounts.quick(c, query, now));
    }

    /** Streams the matches in the query's order with a server-side cursor: never all in memory. */
    @Override
    public void forEach(HistoryQuery query, Instant now, Consumer<HistoryEntry> action) {
        TeamHistorySql sql = TeamHistorySql.of(query, now);
        database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TeamHistoryRows.COLUMNS + " FROM share"
                    + sql.where + sql.orderBy(false))) {
                ps.setFetchSize(FETCH_SIZE);
                sql.bind(ps, 1);
                collect(ps, action);
            }
            return null;
        });
    }

    /**
     * Rows with an id above {@code id} that match the query, highest id first, at most {@code limit}: what to add on
     * top of the History after a change notification, without reloading it. A row whose transaction committed
     * after a higher id's may be missed this way; {@link #matching} fetches the ids a notification names.
     */
    public List<HistoryEntry> newerThan(long id, HistoryQuery query, Instant now, int limit) {
        TeamHistorySql sql = TeamHistorySql.of(query, now, List.of("id > ?"), List.of(id));
        return database.read(c -> {
            List<HistoryEntry> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TeamHistoryRows.COLUMNS + " FROM share"
                    + sql.where + " ORDER BY id DESC LIMIT ?")) {
                ps.setInt(sql.bind(ps, 1), limit);
                collect(ps, rows::add);
            }
            return rows;
        });
    }

    /** Those of rows {@code ids} that (still) exist and match the query, in the query's order. */
    public List<HistoryEntry> matching(long[] ids, HistoryQuery query, Instant now) {
        if (ids.length == 0) {
            return List.of();
        }
        return database.read(c -> {
            Array array = c.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray());
            TeamHistorySql sql = TeamHistorySql.of(query, now, List.of("id = ANY(?)"), List.of(array));
            List<HistoryEntry> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TeamHistoryRows.COLUMNS + " FROM share"
                    + sql.where + sql.orderBy(false))) {
                sql.bind(ps, 1);
                collect(ps, rows::add);
            }
            return rows;
        });
    }

    /** The highest row id now (0 when the history is empty): where {@link #newerThan} starts after a load. */
    public long newestId() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM share");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public HistorySummary summary(Instant now) {
        return database.read(c -> TeamHistoryCounts.summary(c, now));
    }

    @Override
    public Optional<HistoryEntry> entry(long id) {
        return database.read(c -> TeamHistoryRows.find(c, id));
    }

    @Override
    public Optional<HistoryEntry> updateDetails(long id, ShareDetails details) {
        return database.inTransaction(c -> TeamHistoryEdits.updateDetails(c, id, details));
    }

    /** Locks the row while it compares ETags: two desktops checking one link at once do not lose an answer. */
    @Override
    public Optional<HistoryEntry> recordCheck(long id, boolean found, String etag, String detail, Instant at) {
        return database.inTransaction(c -> TeamHistoryEdits.recordCheck(c, id, found, etag, detail, at));
    }

    @Override
    public long[] unexpiredIds(Instant now) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM share WHERE expires_at > ? ORDER BY expires_at DESC, id DESC")) {
                ps.setObject(1, TeamHistorySql.utc(now));
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids.stream().mapToLong(Long::longValue).toArray();
            }
        });
    }

    @Override
    public long countExpired(Instant expiredBefore) {
        return database.read(c -> TeamHistoryCounts.expired(c, expiredBefore));
    }

    /** Everyone's expired rows go (the team shares one history), in steps, all in one transaction. */
    @Override
    public long purgeExpired(Instant expiredBefore, BooleanSupplier cancelled, LongConsumer progress) {
        return database.inTransaction(c -> {
            long deleted = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM share WHERE id IN (SELECT id FROM share "
                    + "WHERE expires_at <= ? LIMIT " + PURGE_STEP + ")")) {
                ps.setObject(1, TeamHistorySql.utc(expiredBefore));
                int n;
                do {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("Cancelled: nothing was purged.");
                    }
                    n = ps.executeUpdate();
                    deleted += n;
                    progress.accept(deleted);
                } while (n == PURGE_STEP);
            }
            return deleted;
        });
    }

    @Override
    public int delete(long... ids) {
        if (ids.length == 0) {
            return 0;
        }
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM share WHERE id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<String> distinct(String column, int limit) {
        if (!List.of("bucket", "profile_name", "made_by").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return PortableQueries.distinct(database, column, limit);
    }

    @Override
    public Optional<String> setting(String name) {
        return PortableQueries.setting(database, name);
    }

    @Override
    public void setSetting(String name, String value) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (setting_name, setting_value) "
                    + "VALUES (?, ?) ON CONFLICT (setting_name) DO UPDATE SET setting_value = EXCLUDED.setting_value")) {
                ps.setString(1, name);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    /** PostgreSQL keeps the trigram index itself: nothing to rebuild. */
    @Override
    public void rebuildSearchIndex() {
    }

    private static void collect(PreparedStatement ps, Consumer<HistoryEntry> action) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                action.accept(TeamHistoryRows.entry(rs));
            }
        }
    }
}
