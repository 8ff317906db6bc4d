package org.linkdesk.cli;

import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.ShareStatus;

/** The history filter options, as a query. */
final class HistoryFilters {
    private HistoryFilters() {
    }

    static HistoryQuery query(String search, String status, String profile) {
        HistoryQuery q = HistoryQuery.NEWEST_FIRST.withSearch(search).withProfile(profile);
        if (status != null) {
            try {
                q = q.withStatus(ShareStatus.parse(status));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--status: " + e.getMessage());
            }
        }
        return q;
    }
}
