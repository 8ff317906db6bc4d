package org.linkdesk.gateway;

import java.time.Duration;

/** Guessing limits, per client address and per share: {@code burst} tries, then one per {@code refillEvery}. */
public record RateLimits(int burst, Duration refillEvery) {
    public static final RateLimits DEFAULT = new RateLimits(10, Duration.ofSeconds(3));
}
