package org.linkdesk.core.sign;

import java.time.Duration;
import java.time.Instant;

/**
 * When a link really stops working: the earliest of the requested expiry, SigV4's 7-day limit, the expiry of the
 * signing credentials and a provider's own cap.
 *
 * @param expiresAt the effective expiry
 * @param lifetime  expiresAt - signing time, the X-Amz-Expires to sign with
 * @param limitedBy what set it
 */
public record EffectiveExpiry(Instant expiresAt, Duration lifetime, Limit limitedBy) {

    /** What decided the effective expiry. */
    public enum Limit {
        REQUESTED("as requested"),
        SIGV4_MAX("SigV4 links live at most 7 days"),
        CREDENTIALS("the signing credentials expire then"),
        PROVIDER("the storage provider caps link lifetime");

        private final String explanation;

        Limit(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    /**
     * @param signedAt          the signing time (whole seconds)
     * @param requested         the requested lifetime
     * @param credentialExpiry  when the credentials expire, or null
     * @param providerCap       the provider's maximum lifetime, or null
     */
    public static EffectiveExpiry compute(Instant signedAt, Duration requested, Instant credentialExpiry, Duration providerCap) {
        Instant at = signedAt.plus(requested);
        Limit limit = Limit.REQUESTED;
        Instant max = signedAt.plus(PresignRequest.MAX_EXPIRY);
        if (max.isBefore(at)) {
            at = max;
            limit = Limit.SIGV4_MAX;
        }
        if (providerCap != null && signedAt.plus(providerCap).isBefore(at)) {
            at = signedAt.plus(providerCap);
            limit = Limit.PROVIDER;
        }
        if (credentialExpiry != null && credentialExpiry.isBefore(at)) {
            at = credentialExpiry;
            limit = Limit.CREDENTIALS;
        }
        Duration lifetime = Duration.between(signedAt, at);
        return new EffectiveExpiry(at, lifetime, limit);
    }

    public boolean isShorterThanRequested() {
        return limitedBy != Limit.REQUESTED;
    }
}
