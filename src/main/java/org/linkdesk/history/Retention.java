package org.linkdesk.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What happens to expired links: kept forever (the default), kept for N days after they expire, or purged as soon
 * as they expire. Stored in the {@code settings} table as "forever", "days:N" or "purge".
 */
public record Retention(Mode mode, int days) {
    public static final String SETTING = "history.retention";
    public static final Retention FOREVER = new Retention(Mode.FOREVER, 0);

    public enum Mode { FOREVER, DAYS, PURGE }

    public Retention {
        if (mode == Mode.DAYS && (days < 1 || days > 36_500)) {
            throw new IllegalArgumentException("Keep expired links for 1 to 36500 days.");
        }
    }

    public static Retention parse(String stored) {
        if (stored == null || stored.equals("forever")) {
            return FOREVER;
        }
        if (stored.equals("purge")) {
            return new Retention(Mode.PURGE, 0);
        }
        if (stored.startsWith("days:")) {
            try {
                return new Retention(Mode.DAYS, Integer.parseInt(stored.substring(5)));
            } catch (RuntimeException e) {
                return FOREVER;
            }
        }
        return FOREVER;
    }

    public String stored() {
        return switch (mode) {
            case FOREVER -> "forever";
            case PURGE -> "purge";
            case DAYS -> "days:" + days;
        };
    }

    /** Shares that expired at or before this instant are due for deletion; empty when kept forever. */
    public Optional<Instant> purgeBefore(Instant now) {
        return switch (mode) {
            case FOREVER -> Optional.empty();
            case PURGE -> Optional.of(now);
            case DAYS -> Optional.of(now.minus(Duration.ofDays(days)));
        };
    }

    public String describe() {
        return switch (mode) {
            case FOREVER -> "Expired links are kept forever.";
            case PURGE -> "Expired links are removed from the history.";
            case DAYS -> "Expired links are kept for " + days + (days == 1 ? " day." : " days.");
        };
    }
}
