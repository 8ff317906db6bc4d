package org.linkdesk.store;

import java.time.Instant;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/** A link just made, to be recorded. {@code url} is sealed before it is stored. */
public record NewShare(Instant createdAt, Long profileId, String profileName, String accessKeyId, String endpoint,
                       String region, String bucket, String key, LinkOptions options, Instant expiresAt,
                       EffectiveExpiry.Limit expiryLimitedBy, String url, String note) {

    @Override
    public String toString() {
        return "NewShare[" + bucket + "/" + key + ", " + options.method() + ", expiresAt=" + expiresAt + "]";
    }
}
