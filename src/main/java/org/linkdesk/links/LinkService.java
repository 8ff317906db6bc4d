package org.linkdesk.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.links.LinkSigner.Signed;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.ShareStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes presigned links and records each in the history. */
public final class LinkService {
    private static final Logger LOG = LoggerFactory.getLogger(LinkService.class);

    private final LinkSigner signer;
    private final ShareStore shares;
    private final Clock clock;

    public LinkService(SigV4Presigner presigner, ShareStore shares, Clock clock) {
        this.signer = new LinkSigner(presigner);
        this.shares = shares;
        this.clock = clock;
    }

    /** When a link asked for {@code requested} now would really expire, and why. */
    public EffectiveExpiry preview(SigningIdentity identity, Duration requested) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return EffectiveExpiry.compute(now, requested, identity == null ? null : identity.credentials().expiration(), null);
    }

    /**
     * When a link asked for {@code requested} now would really expire: capped by the credentials' known expiry
     * and the provider's cap (either may be null).
     */
    public EffectiveExpiry preview(Instant credentialExpiry, Duration requested, Duration providerCap) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return EffectiveExpiry.compute(now, requested, credentialExpiry, providerCap);
    }

    /** Signs a link for {@code bucket}/{@code key} and records it; the returned share carries its id. */
    public GeneratedLink generate(SigningIdentity identity, String bucket, String key, LinkOptions options, String note) {
        return generate(identity, bucket, key, options, note, (Duration) null, ShareExtras.NONE);
    }

    /**
     * As {@link #generate(SigningIdentity, String, String, LinkOptions, String)}, recording also a recipient, tags,
     * the object's ETag when the caller already knows it (so a later check can tell it was overwritten), or the
     * share this link renews.
     */
    public GeneratedLink generate(SigningIdentity identity, String bucket, String key, LinkOptions options, String note,
                                  ShareExtras extras) {
        return generate(identity, bucket, key, options, note, (Duration) null, extras);
    }

    /** As {@link #generate(SigningIdentity, String, String, LinkOptions, String)}, within a provider's cap. */
    public GeneratedLink generate(SigningIdentity identity, String bucket, String key, LinkOptions options, String note,
                                  Duration providerCap) {
        return generate(identity, bucket, key, options, note, providerCap, ShareExtras.NONE);
    }

    /** Within a provider's cap, with the extras of {@link #generate(SigningIdentity, String, String, LinkOptions,
     * String, ShareExtras)}. */
    public GeneratedLink generate(SigningIdentity identity, String bucket, String key, LinkOptions options, String note,
                                  Duration providerCap, ShareExtras extras) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Signed signed = sign(identity, bucket, key, options, note, providerCap, now);
        ShareRecord share = shares.insert(signed.share(), extras);
        LOG.info("Made {} link #{} for {} (expires {})", options.method(), share.id(), signed.url().redacted(),
                signed.expiry().expiresAt());
        return new GeneratedLink(share, signed.url(), signed.expiry());
    }

    /**
     * Signs a link for every item first, then records them all in ONE transaction: either every link is in the
     * history or, when anything fails or the monitor cancels, none is (and the exception says why).
     *
     * @throws java.util.concurrent.CancellationException when cancelled; nothing was recorded
     */
    public List<GeneratedLink> generateAll(SigningIdentity identity, List<BatchItem> items, String note,
                                           BatchMonitor monitor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long total = 2L * items.size();
        List<Signed> signed = new ArrayList<>(items.size());
        for (BatchItem item : items) {
            if (monitor.isCancelled()) {
                throw new CancellationException("Cancelled: no link of this batch was recorded.");
            }
            signed.add(sign(identity, item.bucket(), item.key(), item.options(), note, null, now));
            monitor.progress(signed.size(), total);
        }
        List<NewShare> rows = signed.stream().map(Signed::share).toList();
        List<ShareRecord> records = shares.insertAll(rows, monitor::isCancelled,
                written -> monitor.progress(items.size() + (long) written, total));
        List<GeneratedLink> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(new GeneratedLink(records.get(i), signed.get(i).url(), signed.get(i).expiry()));
        }
        LOG.info("Made a batch of {} links (#{} to #{})", out.size(), out.isEmpty() ? 0 : out.get(0).share().id(),
                out.isEmpty() ? 0 : out.get(out.size() - 1).share().id());
        return out;
    }

    private Signed sign(SigningIdentity identity, String bucket, String key, LinkOptions options, String note,
                        Duration providerCap, Instant now) {
        return signer.sign(identity, bucket, key, options, note, providerCap, now);
    }
}
