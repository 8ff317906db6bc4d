package org.linkdesk.history;

import java.util.ArrayList;
import java.util.List;

/** The answers to "When a link has expired:" in the Expired links question. */
enum RetentionChoice {
    FOREVER, DAYS, PURGE_AT_EXPIRY, PURGE_NOW;

    String label(long expiredCount) {
        return switch (this) {
            case FOREVER -> "Keep them forever";
            case DAYS -> "Keep them for a number of days…";
            case PURGE_AT_EXPIRY -> "Remove them as soon as they expire";
            case PURGE_NOW -> String.format("Purge the %,d expired now…", expiredCount);
        };
    }

    static RetentionChoice of(Retention.Mode mode) {
        return switch (mode) {
            case FOREVER -> FOREVER;
            case DAYS -> DAYS;
            case PURGE -> PURGE_AT_EXPIRY;
        };
    }

    /** The settings, and "purge now" when there is something to purge. */
    static List<RetentionChoice> offered(long expiredCount) {
        List<RetentionChoice> choices = new ArrayList<>(List.of(FOREVER, DAYS, PURGE_AT_EXPIRY));
        if (expiredCount > 0) {
            choices.add(PURGE_NOW);
        }
        return choices;
    }
}
