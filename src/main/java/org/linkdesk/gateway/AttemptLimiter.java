package org.linkdesk.gateway;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (bucket4j) per client address and per share for attempts that could be guesses: a password, or an
 * id that may not exist. An attempt takes a token from both; a right password gives them back.
 */
final class AttemptLimiter {
    /** Above this many tracked keys, buckets that are full again (idle clients) are dropped. */
    private static final int MAX_TRACKED = 50_000;

    private final RateLimits limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AttemptLimiter(RateLimits limits) {
        this.limits = limits;
    }

    /** Takes a token from each key's bucket; returns 0 when allowed, else the seconds to wait. */
    long tryAcquire(String... keys) {
        long waitNanos = 0;
        int taken = 0;
        for (String key : keys) {
            ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                waitNanos = probe.getNanosToWaitForRefill();
                break;
            }
            taken++;
        }
        if (waitNanos == 0) {
            return 0;
        }
        for (int i = 0; i < taken; i++) {
            bucket(keys[i]).addTokens(1);
        }
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    void giveBack(String... keys) {
        for (String key : keys) {
            Bucket b = buckets.get(key);
            if (b != null) {
                b.addTokens(1);
            }
        }
    }

    private Bucket bucket(String key) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= limits.burst());
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.burst()).refillGreedy(1, limits.refillEvery()))
                .build());
    }
}
