package org.linkdesk.links;

import java.time.Duration;

/** The expiry choices offered when making a link. */
public enum ExpiryPreset {
    MINUTES_15("15 minutes", Duration.ofMinutes(15)),
    HOUR_1("1 hour", Duration.ofHours(1)),
    DAY_1("1 day", Duration.ofDays(1)),
    DAYS_7("7 days (longest)", Duration.ofDays(7)),
    CUSTOM("Custom duration…", null),
    UNTIL("Until a date and time…", null);

    private final String label;
    private final Duration duration;

    ExpiryPreset(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    /** The fixed duration, or null for {@link #CUSTOM} and {@link #UNTIL}. */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return label;
    }
}
