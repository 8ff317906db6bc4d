package org.linkdesk.store;

import java.time.Duration;
import java.time.Instant;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;

/**
 * A recorded link. The URL itself is not here: it is a bearer token, kept sealed, and read with
 * {@link ShareStore#url(long)} only when the user copies it.
 */
public record ShareRecord(long id, Instant createdAt, Long profileId, String profileName, String accessKeyId,
                          String endpoint, String region, String bucket, String key, LinkOptions options,
                          Instant expiresAt, EffectiveExpiry.Limit expiryLimitedBy, boolean urlKept, String note) {

    public static final Duration EXPIRING_WINDOW = Duration.ofHours(24);

    public HttpMethod method() {
        return options.method();
    }

    public ShareStatus status(Instant now) {
        if (!expiresAt.isAfter(now)) {
            return ShareStatus.EXPIRED;
        }
        return expiresAt.isAfter(now.plus(EXPIRING_WINDOW)) ? ShareStatus.ACTIVE : ShareStatus.EXPIRING;
    }
}
