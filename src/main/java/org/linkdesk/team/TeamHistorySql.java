package org.linkdesk.team;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistorySort;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.ShareStatus;

/**
 * The WHERE and ORDER BY of a {@link HistoryQuery} on PostgreSQL, with its parameters. Search words match the
 * generated column {@code search_text} with {@code LIKE '%word%'}, which the pg_trgm GIN index answers for words of
 * three characters or more (shorter ones with {@code strpos}, row by row, walking the sort order until a page is
 * full).
 */
final class TeamHistorySql {
    /** Written as NOT IN so that the planner narrows by the expiry range, not by the state (most rows are live). */
    private static final String LIVE_STATES = "object_state NOT IN ('GONE', 'CHANGED')";

    final String where;
    private final List<Object> params;
    private final HistoryQuery query;

    private TeamHistorySql(String where, List<Object> params, HistoryQuery query) {
        this.where = where;
        this.params = params;
        this.query = query;
    }

    static TeamHistorySql of(HistoryQuery q, Instant now) {
        return of(q, now, List.of(), List.of());
    }

    /** The query plus {@code extra} conditions (each with its parameters in {@code extraParams}, in order). */
    static TeamHistorySql of(HistoryQuery q, Instant now, List<String> extra, List<Object> extraParams) {
        List<String> conditions = new ArrayList<>(extra);
        List<Object> params = new ArrayList<>(extraParams);
        for (String term : q.terms()) {
            if (term.codePointCount(0, term.length()) < 3) {
                // No trigram in a word this short: the GIN index would be read whole (seconds at a million rows,
                // and deaf to a statement timeout while it builds its bitmap); strpos keeps the planner off it.
                conditions.add("strpos(search_text, ?) > 0");
                params.add(term);
            } else {
                conditions.add("search_text LIKE ? ESCAPE '\\'");
                params.add("%" + escapeLike(term) + "%");
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
        equal(conditions, params, "made_by", q.madeBy());
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
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new TeamHistorySql(where, params, q);
    }

    boolean hasSearch() {
        return !query.terms().isEmpty();
    }

    boolean filters() {
        return !where.isEmpty();
    }

    private static void status(List<String> conditions, List<Object> params, ShareStatus status, Instant now) {
        Instant soon = now.plus(ShareRecord.EXPIRING_WINDOW);
        switch (status) {
            case EXPIRED -> {
                conditions.add("expires_at <= ?");
                params.add(utc(now));
            }
            case GONE, CHANGED -> {
                conditions.add("object_state = '" + status.name() + "' AND expires_at > ?");
                params.add(utc(now));
            }
            case EXPIRING -> {
                conditions.add("expires_at > ? AND expires_at <= ? AND " + LIVE_STATES);
                params.add(utc(now));
                params.add(utc(soon));
            }
            case ACTIVE -> {
                conditions.add("expires_at > ? AND " + LIVE_STATES);
                params.add(utc(soon));
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
            params.add(utc(from));
        }
        if (to != null) {
            conditions.add(column + " < ?");
            params.add(utc(to));
        }
    }

    /** ORDER BY for the query's sort (ties broken by id), {@code reversed} for reading a page from the end. */
    String orderBy(boolean reversed) {
        String dir = query.descending() != reversed ? " DESC" : " ASC";
        List<String> columns = new ArrayList<>(columnsOf(query.sort()));
        columns.add("id");
        StringBuilder sb = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(columns.get(i)).append(dir);
        }
        return sb.toString();
    }

    private static List<String> columnsOf(HistorySort sort) {
        return switch (sort) {
            case CREATED -> List.of("created_at");
            case PROFILE -> List.of("profile_name", "created_at");
            case BUCKET -> List.of("bucket", "created_at");
            case KEY -> List.of("object_key");
            case METHOD -> List.of("method", "created_at");
            case EXPIRES -> List.of("expires_at");
            case STATUS -> List.of("object_state", "expires_at");
            case NOTE -> List.of("note");
            case RECIPIENT -> List.of("recipient");
            case TAGS -> List.of("tags");
        };
    }

    /** Binds the parameters from position {@code first}; returns the next free position. */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
