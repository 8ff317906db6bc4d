package org.linkdesk.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.linkdesk.core.s3.NoSuchBucketException;
import org.linkdesk.core.s3.NoSuchKeyException;
import org.linkdesk.core.s3.ObjectInfo;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.LinkService;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryRepository;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.ui.common.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** History actions that reach beyond the database: renewing links, checking objects, retention. No JavaFX. */
public final class HistoryService {
    public static final int DEFAULT_CONCURRENCY = 4;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryService.class);

    /** One share's check: the updated entry, or a problem that kept it from being checked. */
    public record CheckOutcome(HistoryEntry entry, String problem) {
    }

    private final HistoryRepository history;
    private final ProfileService profiles;
    private final LinkService links;
    private final Supplier<S3Http> s3;
    private final Clock clock;

    /** @param s3 the HTTP client, asked for on first check (the app makes it lazily) */
    public HistoryService(HistoryRepository history, ProfileService profiles, LinkService links, Supplier<S3Http> s3,
                          Clock clock) {
        this.history = history;
        this.profiles = profiles;
        this.links = links;
        this.s3 = s3;
        this.clock = clock;
    }

    public HistoryRepository store() {
        return history;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * A new link with the same object, profile and options as share {@code id}, valid for {@code lifetime} from now,
     * carrying its note, recipient and tags and pointing back at it. Needs the vault unlocked.
     */
    public GeneratedLink renew(long id, Duration lifetime) {
        HistoryEntry old = history.entry(id).orElseThrow(() -> new InvalidInputException(
                "That link is no longer in the history."));
        Profile profile = profileOf(old.share());
        AwsCredentials credentials = profiles.credentials(profile);
        ShareRecord s = old.share();
        ShareExtras extras = new ShareExtras(old.recipient(), old.tags(), null, id);
        return links.generate(SigningIdentity.of(profile, credentials), s.bucket(), s.key(),
                s.options().withExpiresIn(lifetime), old.note(), extras);
    }

    private Profile profileOf(ShareRecord s) {
        if (s.profileId() != null) {
            Optional<Profile> byId = profiles.find(s.profileId());
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        if (s.profileName() != null) {
            Optional<Profile> byName = profiles.find(s.profileName());
            if (byName.isPresent()) {
                return byName.get();
            }
        }
        throw new InvalidInputException(s.profileName() == null
                ? "This link was signed with environment credentials, not a saved profile; make a new one with "
                + "'linkdesk presign' or in the form."
                : "The profile \"" + s.profileName() + "\" that signed this link was deleted; make a new link "
                + "with another profile.");
    }

    /** HEADs one share's object and records what it found. Needs the vault unlocked. */
    public CheckOutcome check(long id) {
        return check(id, new ConcurrentHashMap<>());
    }

    private CheckOutcome check(long id, Map<Long, AwsCredentials> credentialCache) {
        Optional<HistoryEntry> found = history.entry(id);
        if (found.isEmpty()) {
            return new CheckOutcome(null, null);
        }
        ShareRecord s = found.get().share();
        Instant now = clock.instant();
        try {
            Profile profile = profileOf(s);
            AwsCredentials credentials = credentialCache.computeIfAbsent(profile.id(),
                    k -> profiles.credentials(profile));
            try {
                ObjectInfo info = s3.get().headObject(profile.endpoint(), credentials, s.bucket(), s.key());
                return new CheckOutcome(history.recordCheck(id, true, info.etag(), "HEAD 200", now).orElse(null),
                        null);
            } catch (NoSuchKeyException | NoSuchBucketException e) {
                String detail = e instanceof NoSuchBucketException ? "The bucket is gone" : "HEAD 404";
                return new CheckOutcome(history.recordCheck(id, false, null, detail, now).orElse(null), null);
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not check share #{}", id, e);
            return new CheckOutcome(found.get(), UserMessages.describe(e));
        }
    }

    /**
     * Checks these shares, {@code concurrency} at a time, until done or {@code cancelled}; blocks, so run it in a
     * task (the GUI) or on the command's thread (the CLI).
     */
    public RecheckResult recheck(long[] ids, int concurrency, java.util.function.BooleanSupplier cancelled,
                                 RecheckJob.Progress progress) throws InterruptedException {
        Map<Long, AwsCredentials> cache = new ConcurrentHashMap<>();
        return RecheckJob.run(ids, concurrency, id -> check(id, cache), cancelled, progress);
    }

    /** The shares not yet expired: what "Re-check all" looks at. */
    public long[] unexpiredIds() {
        return history.unexpiredIds(clock.instant());
    }

    public Retention retention() {
        return Retention.parse(history.setting(Retention.SETTING).orElse(null));
    }

    public void setRetention(Retention retention) {
        history.setSetting(Retention.SETTING, retention.stored());
    }

    /** Deletes the expired shares the retention setting no longer keeps; returns how many. */
    public long applyRetention() {
        Optional<Instant> before = retention().purgeBefore(clock.instant());
        return before.map(history::purgeExpired).orElse(0L);
    }
}
