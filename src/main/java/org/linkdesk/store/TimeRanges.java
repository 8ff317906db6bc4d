package org.linkdesk.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.result.SearchRow;
import org.h2.table.IndexColumn;
import org.h2.util.JSR310Utils;
import org.h2.value.Value;
import org.h2.value.ValueVarchar;

/**
 * Status and date filters as ranges of the time indexes, the same conditions {@link HistorySql} writes. Expired
 * (expiry ≤ now) is read as the unexpired shares it leaves out, which are few in a long history; expiring (now <
 * expiry ≤ now + 24 h) and active (expiry > now + 24 h) leave out the objects found gone or changed that have not
 * expired; gone and changed are those objects. A creation or expiry date range is half-open: from ≤ time < to.
 */
final class TimeRanges {
    private static final String[] DEAD_STATES = {"GONE", "CHANGED"};

    private TimeRanges() {
    }

    /** The parts of {@link FilterIds} for {@code status} at {@code now}; one without an index when one is missing. */
    static List<FilterIds.Part> status(SessionLocal session, ShareStatus status, Instant now) {
        MVSecondaryIndex expiry = index(session, "EXPIRES_AT");
        MVSecondaryIndex states = index(session, "OBJECT_STATE");
        if (expiry == null || states == null || !states.getIndexColumns()[1].column.getName().equals("EXPIRES_AT")) {
            return List.of(new FilterIds.Part(null, null, false));
        }
        Value from = time(now);
        Value soon = time(now.plus(ShareRecord.EXPIRING_WINDOW));
        List<FilterIds.Part> parts = new ArrayList<>();
        switch (status) {
            case EXPIRED -> parts.add(new FilterIds.Part(expiry, List.<SearchRow[]>of(after(expiry, from, null)),
                    true));
            case GONE, CHANGED -> parts.add(new FilterIds.Part(states,
                    List.<SearchRow[]>of(unexpiredIn(states, status.name(), from)), false));
            case EXPIRING, ACTIVE -> {
                parts.add(new FilterIds.Part(expiry, List.<SearchRow[]>of(status == ShareStatus.EXPIRING
                        ? after(expiry, from, soon) : after(expiry, soon, null)), false));
                List<SearchRow[]> dead = new ArrayList<>();
                for (String state : DEAD_STATES) {
                    dead.add(unexpiredIn(states, state, from));
                }
                parts.add(new FilterIds.Part(states, dead, true));
            }
        }
        return parts;
    }

    /** Shares created in {@code [from, to)} (either may be null: open). */
    static FilterIds.Part created(SessionLocal session, Instant from, Instant to) {
        // The creation index is (created_at DESC, id DESC): newest first, so the range starts at `to`.
        ShareIndexes.SortIndex sort = ShareIndexes.forSort(session, HistorySort.CREATED);
        if (sort == null || !timeLed(sort.index())) {
            return new FilterIds.Part(null, null, false);
        }
        MVSecondaryIndex created = sort.index();
        SearchRow[] range = sort.backwards()
                ? new SearchRow[] {to == null ? null : ShareIndexes.bound(created, Long.MAX_VALUE, time(to)),
                    from == null ? null : ShareIndexes.bound(created, Long.MAX_VALUE, time(from))}
                : new SearchRow[] {from == null ? null : ShareIndexes.bound(created, Long.MIN_VALUE, time(from)),
                    to == null ? null : ShareIndexes.bound(created, Long.MIN_VALUE, time(to))};
        return new FilterIds.Part(created, List.<SearchRow[]>of(range), false);
    }

    /** Entries of an index of (column, created_at…) holding {@code value}, created in {@code [from, to)}. */
    static SearchRow[] createdWithin(MVSecondaryIndex index, Value value, Instant from, Instant to) {
        return new SearchRow[] {from == null ? ShareIndexes.bound(index, Long.MIN_VALUE, value)
                : ShareIndexes.bound(index, Long.MIN_VALUE, value, time(from)),
            to == null ? ShareIndexes.bound(index, Long.MAX_VALUE, value)
                : ShareIndexes.bound(index, Long.MIN_VALUE, value, time(to))};
    }

    /** Shares expiring in {@code [from, to)} (either may be null: open). */
    static FilterIds.Part expiring(SessionLocal session, Instant from, Instant to) {
        MVSecondaryIndex expiry = index(session, "EXPIRES_AT");
        if (expiry == null) {
            return new FilterIds.Part(null, null, false);
        }
        return new FilterIds.Part(expiry, List.<SearchRow[]>of(new SearchRow[] {
            from == null ? null : ShareIndexes.bound(expiry, Long.MIN_VALUE, time(from)),
            to == null ? null : ShareIndexes.bound(expiry, Long.MIN_VALUE, time(to))}), false);
    }

    private static boolean timeLed(MVSecondaryIndex index) {
        return index.getIndexColumns()[0].column.getType().getValueType() == Value.TIMESTAMP_TZ;
    }

    /** Entries whose first column (a time) is after {@code from}, and not after {@code to} (null: no end). */
    private static SearchRow[] after(MVSecondaryIndex index, Value from, Value to) {
        return new SearchRow[] {ShareIndexes.bound(index, Long.MAX_VALUE, from),
            to == null ? null : ShareIndexes.bound(index, Long.MAX_VALUE, to)};
    }

    /** Entries of {@code (object_state, expires_at, …)} in {@code state} expiring after {@code from}. */
    private static SearchRow[] unexpiredIn(MVSecondaryIndex states, String state, Value from) {
        Value name = ValueVarchar.get(state);
        return new SearchRow[] {ShareIndexes.bound(states, Long.MAX_VALUE, name, from),
            ShareIndexes.bound(states, Long.MAX_VALUE, name)};
    }

    /** The index led by {@code column} ascending, when it is one of the expected type; else null. */
    private static MVSecondaryIndex index(SessionLocal session, String column) {
        MVSecondaryIndex index = ShareIndexes.ledBy(session, column);
        if (index == null) {
            return null;
        }
        IndexColumn[] columns = index.getIndexColumns();
        int expiresAt = column.equals("EXPIRES_AT") ? 0 : 1;
        return columns.length > expiresAt && columns[expiresAt].column.getName().equals("EXPIRES_AT")
                && columns[expiresAt].column.getType().getValueType() == Value.TIMESTAMP_TZ ? index : null;
    }

    private static Value time(Instant instant) {
        return JSR310Utils.offsetDateTimeToValue(ShareStore.utc(instant));
    }
}
