package org.linkdesk.store;

/** How many shares match a query; when not {@code exact}, an estimate to show as such until the exact count. */
public record HistoryCount(long value, boolean exact) {
}
