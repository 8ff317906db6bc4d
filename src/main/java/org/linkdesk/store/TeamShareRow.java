package org.linkdesk.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One history row as the team database stores it: its team uid, who made it, the uid of the row it renews (or null),
 * and the values of {@link #COLUMNS} in that order (timestamps as {@code OffsetDateTime}, the sealed URL as bytes).
 *
 * @param localId the row's id in the local history it came from
 */
public record TeamShareRow(UUID uid, long localId, String madeBy, UUID renewedFromUid, List<Object> values) {
    /** The team {@code share} columns besides uid, made_by and renewed_from, in the order of {@link #values}. */
    public static final List<String> COLUMNS = List.of("created_at", "profile_name", "access_key_id", "endpoint",
            "region", "bucket", "object_key", "method", "options", "requested_expiry_seconds", "expires_at",
            "expiry_limited_by", "url_redacted", "url_sealed", "sealed_for", "note", "recipient", "tags",
            "recorded_etag", "object_state", "checked_at", "check_detail");

    public TeamShareRow {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(madeBy, "madeBy");
        if (values.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("a team share row has " + COLUMNS.size() + " values, not "
                    + values.size());
        }
        values = Collections.unmodifiableList(Arrays.asList(values.toArray()));
    }

    /** The value of {@code column} (one of {@link #COLUMNS}). */
    public Object value(String column) {
        int i = COLUMNS.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("not a team share column: " + column);
        }
        return values.get(i);
    }

    @Override
    public String toString() {
        // The sealed URL and the note stay out of logs.
        return "TeamShareRow[" + uid + ", local " + localId + ", by " + madeBy + "]";
    }
}
