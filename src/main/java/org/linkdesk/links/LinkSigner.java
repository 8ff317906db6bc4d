package org.linkdesk.links;

import java.time.Duration;
import java.time.Instant;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.PresignRequest;
import org.linkdesk.core.sign.PresignedUrl;
import org.linkdesk.core.sign.S3Names;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.store.NewShare;

/**
 * Signs one link and describes the history row it needs, without recording it. Shared by {@link LinkService} and
 * the command line's quick path (which records through a journal); it loads no logging or database classes.
 */
public final class LinkSigner {
    private final SigV4Presigner presigner;

    public LinkSigner(SigV4Presigner presigner) {
        this.presigner = presigner;
    }

    /** A signed link, when it really expires, and the row to record. */
    public record Signed(PresignedUrl url, EffectiveExpiry expiry, NewShare share) {
    }

    /** Signs {@code bucket}/{@code key} at {@code now} (whole seconds), within {@code providerCap} (may be null). */
    public Signed sign(SigningIdentity identity, String bucket, String key, LinkOptions options, String note,
                       Duration providerCap, Instant now) {
        S3Names.requireValidBucket(bucket);
        S3Names.requireValidKey(key);
        PresignRequest.requireValidExpiry(options.expiresIn());
        EffectiveExpiry expiry = EffectiveExpiry.compute(now, options.expiresIn(), identity.credentials().expiration(),
                providerCap);
        if (expiry.lifetime().getSeconds() < 1) {
            throw new InvalidInputException("The signing credentials expired at " + identity.credentials().expiration()
                    + "; refresh them before making a link.");
        }
        PresignedUrl url = presigner.presign(identity.endpoint(), identity.credentials(),
                options.toRequest(bucket, key, expiry.lifetime()), now);
        NewShare share = new NewShare(now, identity.profileId(), identity.profileName(),
                identity.credentials().accessKeyId(), identity.endpoint().endpointUrl(), identity.endpoint().region(),
                bucket, key, options, expiry.expiresAt(), expiry.limitedBy(), url.url(), note);
        return new Signed(url, expiry, share);
    }
}
