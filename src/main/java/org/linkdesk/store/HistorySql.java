package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The WHERE and ORDER BY of a {@link HistoryQuery}, with its parameters. */
final class HistorySql {
    /** Above this many index candidates a term is common, and scanning in sort order stops sooner. */
    static final int MAX_CANDIDATES = 5_000;
    /** A count must see every match: looking up many candidates beats reading every row (H2 arrays stop at 65 536). */
    static final int MAX_COUNT_CANDIDATES = 60_000;
    /** Written as NOT IN so that H2 narrows by the expiry range, not by the state index (most rows are live). */
    private static final String LIVE_STATES = "object_state NOT IN ('GONE', 'CHANGED')";

    /** " FROM share", or a join that looks up only the search index's candidates by primary key. */
    final String from;
    final String where;
    final List<Object> params;
    /** True when the search index proved there is no match. */
    final boolean nothing;
    private final HistoryQuery query;

    private HistorySql(String from, String where, List<Object> params, boolean nothing, HistoryQuery query) {
        this.from = from;
        this.where = where;
        this.params = params;
        this.nothing = nothing;
        this.query = query;
    }

    static HistorySql of(Connection c, HistoryQuery q, Instant now) throws SQLException {
        return of(c, q, now, MAX_CANDIDATES);
    }

    static HistorySql forCount(Connection c, HistoryQuery q, Instant now) throws SQLException {
        return of(c, q, now, MAX_COUNT_CANDIDATES, null);
    }

    /** The query restricted to these candidate ids (already taken from the search index). */
    static HistorySql withCandidates(Connection c, HistoryQuery q, Instant now, long[] ids) throws SQLException {
        return of(c, q, now, 0, ids);
    }

    private static HistorySql of(Connection c, HistoryQuery q, Instant now, int maxCandidates) throws SQLException {
        return of(c, q, now, maxCandidates, null);
    }

    private static HistorySql of(Connection c, HistoryQuery q, Instant now, int maxCandidates, long[] given)
            throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<String> terms = q.terms();
        String from = " FROM share";
        if (!terms.isEmpty()) {
            Optional<long[]> candidates = given != null ? Optional.of(given)
                    : TrigramIndex.candidates(c, terms, maxCandidates);
            if (candidates.isPresent()) {
                long[] ids = candidates.get();
                if (ids.length == 0) {
                    return new HistorySql(" FROM share", "", List.of(), true, q);
                }
                // The ids go in as literal text: with a parameter H2 cannot see the array's size and may scan the
                // table probing the array for each row, instead of looking each candidate up by primary key.
                StringBuilder array = new StringBuilder(ids.length * 7 + 64).append(" FROM UNNEST(ARRAY[");
                for (int i = 0; i < ids.length; i++) {
                    array.append(i == 0 ? "" : ",").append(ids[i]);
                }
                from = array.append("]) AS candidate(cid) JOIN share ON share.id = candidate.cid").toString();
            }
            for (String term : terms) {
                conditions.add(termMatch(params, term));
            }
        }
        if (q.profile() != null) {
            if (q.profile().equals(HistoryQuery.ENVIRONMENT)) {
                conditions.add("profile_name IS NULL");
            } else {
                conditions.add("profile_name = ?");
                params.add(q.profile());
            }
        }
        equal(conditions, params, "bucket", q.bucket());
        equal(conditions, params, "method", q.method() == null ? null : q.method().name());
        if (q.tag() != null) {
            conditions.add("tags LIKE ? ESCAPE '\\'");
            params.add("%," + escapeLike(q.tag()) + ",%");
        }
        range(conditions, params, "created_at", q.createdFrom(), q.createdTo());
        range(conditions, params, "expires_at", q.expiresFrom(), q.expiresTo());
        if (q.status() != null) {
            status(conditions, params, q.status(), now);
        }
        if (q.status() == ShareStatus.EXPIRED && q.sort() == HistorySort.CREATED && from.equals(" FROM share")) {
            // Most of a long history is expired: walking the creation-time indexes stops after one page, while
            // H2 would otherwise take the expiry index and sort every expired share.
            from = " FROM share USE INDEX (share_created_idx, share_bucket_created_idx, share_profile_created_idx, "
                    + "share_method_created_idx)";
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new HistorySql(from, where, params, false, q);
    }

    private static void status(List<String> conditions, List<Object> params, ShareStatus status, Instant now) {
        Instant soon = now.plus(ShareRecord.EXPIRING_WINDOW);
        switch (status) {
            case EXPIRED -> {
                conditions.add("expires_at <= ?");
                params.add(ShareStore.utc(now));
            }
            case GONE, CHANGED -> {
                conditions.add("object_state = '" + status.name() + "' AND expires_at > ?");
                params.add(ShareStore.utc(now));
            }
            case EXPIRING -> {
                conditions.add("expires_at > ? AND expires_at <= ? AND " + LIVE_STATES);
                params.add(ShareStore.utc(now));
                params.add(ShareStore.utc(soon));
            }
            case ACTIVE -> {
                conditions.add("expires_at > ? AND " + LIVE_STATES);
                params.add(ShareStore.utc(soon));
            }
        }
    }

    private static void equal(List<String> conditions, List<Object> params, String column, String value) {
        if (value != null) {
            conditions.add(column + " = ?");
            params.add(value);
        }
    }

    private static void range(List<String> conditions, List<Object> params, String column, Instant from, Instant to) {
        if (from != null) {
            conditions.add(column + " >= ?");
            params.add(ShareStore.utc(from));
        }
        if (to != null) {
            conditions.add(column + " < ?");
            params.add(ShareStore.utc(to));
        }
    }

    /**
     * ORDER BY for the query's sort, {@code reversed} for reading from the end. An equality filter on the leading
     * column of a (column, created_at) index is named first, so H2 walks that index instead of sorting.
     */
    String orderBy(boolean reversed) {
        boolean desc = query.descending() != reversed;
        String dir = desc ? " DESC" : " ASC";
        List<String> columns = new ArrayList<>();
        if (query.sort() == HistorySort.CREATED) {
            if (query.bucket() != null) {
                columns.add("bucket");
            } else if (query.profile() != null) {
                columns.add("profile_name");
            } else if (query.method() != null) {
                columns.add("method");
            }
        }
        if (query.sort() == HistorySort.EXPIRES && (query.status() == ShareStatus.GONE
                || query.status() == ShareStatus.CHANGED)) {
            columns.add("object_state");
        }
        columns.addAll(List.of(query.sort().columns()));
        columns.add("share.id");
        StringBuilder sb = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(columns.get(i)).append(dir);
        }
        return sb.toString();
    }

    int bind(PreparedStatement ps) throws SQLException {
        int i = 0;
        for (Object p : params) {
            ps.setObject(++i, p);
        }
        return i;
    }

    /** The condition that one lower-cased search word appears in a share; adds its parameters. */
    static String termMatch(List<Object> params, String term) {
        String like = "%" + escapeLike(term) + "%";
        for (int i = 0; i < 4; i++) {
            params.add(like);
        }
        return "(LOWER(object_key) LIKE ? ESCAPE '\\' OR LOWER(bucket) LIKE ? ESCAPE '\\' "
                + "OR LOWER(note) LIKE ? ESCAPE '\\' OR LOWER(recipient) LIKE ? ESCAPE '\\')";
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
