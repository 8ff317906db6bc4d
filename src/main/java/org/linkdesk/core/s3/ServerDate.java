package org.linkdesk.core.s3;

import java.time.Duration;
import java.time.Instant;

/**
 * The server's clock as its {@code Date} header gave it, next to the local clock when the answer arrived.
 *
 * @param serverTime the server's {@code Date} (whole seconds)
 * @param localTime  the local clock at that moment
 */
public record ServerDate(Instant serverTime, Instant localTime) {
    /** S3 refuses requests signed more than 15 minutes off its own clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    /** Server clock minus local clock: positive when the local clock is behind. Accurate to about a second. */
    public Duration skew() {
        return Duration.between(localTime, serverTime);
    }

    /** Whether S3 would refuse requests signed with the local clock. */
    public boolean isSkewTooLarge() {
        return skew().abs().compareTo(MAX_SKEW) > 0;
    }

    /** A rough length for people: {@code 42 seconds}, {@code 17 minutes}, {@code 3 hours}, {@code 2 days}. */
    public static String describe(Duration d) {
        long seconds = d.abs().getSeconds();
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + " minutes";
        }
        if (seconds < 2 * 86_400) {
            return seconds / 3600 + " hours";
        }
        return seconds / 86_400 + " days";
    }
}
