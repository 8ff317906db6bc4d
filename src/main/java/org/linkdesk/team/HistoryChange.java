package org.linkdesk.team;

import java.util.Arrays;

/**
 * One change to the team history, as a notification reports it.
 *
 * @param kind what happened
 * @param ids  the rows it touched (ascending); empty when {@link #everything()}
 */
public record HistoryChange(Kind kind, long[] ids) {
    /** What happened to the rows. */
    public enum Kind {
        INSERTED, UPDATED, DELETED,
        /**
         * The listener was away (the database was unreachable) and may have missed changes: reload what is shown.
         */
        MISSED
    }

    public HistoryChange {
        ids = ids == null ? new long[0] : ids.clone();
    }

    /** Too many rows to name (a bulk load or a purge), or {@link Kind#MISSED}: reload rather than patch. */
    public boolean everything() {
        return ids.length == 0;
    }

    @Override
    public long[] ids() {
        return ids.clone();
    }

    /** The change a payload of the V3 trigger describes ("INSERT:1,2" or "DELETE:*"); null when it is not one. */
    static HistoryChange parse(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return null;
        }
        Kind kind = switch (payload.substring(0, colon)) {
            case "INSERT" -> Kind.INSERTED;
            case "UPDATE" -> Kind.UPDATED;
            case "DELETE" -> Kind.DELETED;
            default -> null;
        };
        String list = payload.substring(colon + 1);
        if (kind == null || list.equals("*") || list.isEmpty()) {
            return kind == null ? null : new HistoryChange(kind, null);
        }
        try {
            return new HistoryChange(kind, Arrays.stream(list.split(",")).mapToLong(Long::parseLong).toArray());
        } catch (NumberFormatException e) {
            return new HistoryChange(kind, null);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistoryChange other && kind == other.kind && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return kind + (everything() ? "[all]" : Arrays.toString(ids));
    }
}
