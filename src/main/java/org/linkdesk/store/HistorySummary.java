package org.linkdesk.store;

/** How many shares are in each state, for the summary bar. */
public record HistorySummary(long total, long active, long expiring, long expired, long gone, long changed) {
}
