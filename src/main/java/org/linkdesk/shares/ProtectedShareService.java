package org.linkdesk.shares;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Names;

/**
 * Protected links: shares the gateway ({@code linkdesk serve}) answers, with a password, a download limit, an expiry
 * and a revocation that takes effect at the next request. JavaFX-free; shared by the GUI, the CLI and the gateway.
 */
public final class ProtectedShareService {
    public static final String PUBLIC_URL_SETTING = "share.gateway_url";
    public static final Duration MIN_EXPIRY = Duration.ofMinutes(1);
    public static final Duration MAX_EXPIRY = Duration.ofDays(365);
    public static final int MAX_DOWNLOADS = 1_000_000;
    private static final int LIST_LIMIT = 10_000;

    private final ProtectedShareStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ClientAddressHasher addresses;

    public ProtectedShareService(ProtectedShareStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.addresses = new ClientAddressHasher(store);
    }

    public ProtectedShare create(NewProtectedShare request) {
        return create(request, null);
    }

    /**
     * Makes a share; with {@code historyUid} (team mode) it is tied in the same transaction to the History row the
     * maker records under that uid (see {@link ProtectedHistory}).
     */
    public ProtectedShare create(NewProtectedShare request, java.util.UUID historyUid) {
        if (request.owner() == null || request.owner().isBlank()) {
            throw new InvalidInputException("A protected link needs an owner.");
        }
        S3Names.requireValidBucket(request.bucket());
        S3Names.requireValidKey(request.key());
        Instant now = now();
        String hash = hasPassword(request.password()) ? hasher.hash(request.password()) : null;
        String fileName = request.fileName() == null || request.fileName().isBlank()
                ? lastSegment(request.key()) : request.fileName().strip();
        ProtectedShare share = new ProtectedShare(ShareIds.next(), request.owner().strip(), request.bucket(),
                request.key(), fileName, request.sizeBytes(), hash != null, checkedLimit(request.maxDownloads()), 0,
                now, now.plus(checkedExpiry(request.expiresIn())), null, null, blankToNull(request.note()));
        store.insert(share, hash, historyUid);
        return share;
    }

    public Optional<ProtectedShare> find(String id) {
        return ShareIds.isWellFormed(id) ? store.find(id).map(StoredShare::share) : Optional.empty();
    }

    /** Newest first; {@code owner} null: everyone's. */
    public List<ProtectedShare> list(String owner) {
        return store.list(owner, LIST_LIMIT);
    }

    public ProtectedShare edit(String id, ShareChanges changes) {
        existing(id);
        Instant expiresAt = changes.expiresIn() == null ? null : now().plus(checkedExpiry(changes.expiresIn()));
        Integer max = changes.maxDownloads() == null || changes.maxDownloads() == 0 ? changes.maxDownloads()
                : checkedLimit(changes.maxDownloads());
        String hash = null;
        if (changes.password() == ShareChanges.PasswordChange.SET) {
            if (!hasPassword(changes.newPassword())) {
                throw new InvalidInputException("The new password is empty; to remove the password use --no-password.");
            }
            hash = hasher.hash(changes.newPassword());
        }
        store.update(id, expiresAt, max, changes.password() != ShareChanges.PasswordChange.KEEP, hash);
        return existing(id);
    }

    /** Stops the link: the gateway answers 410 from the next request on. */
    public ProtectedShare revoke(String id) {
        if (!ShareIds.isWellFormed(id) || !store.revoke(id, now())) {
            throw new ShareNotFoundException(id);
        }
        return existing(id);
    }

    public List<DownloadRecord> downloads(String id) {
        existing(id);
        return store.downloads(id);
    }

    /** Deletes shares that have expired, with their download logs; returns how many. */
    public int purgeExpired() {
        return store.purgeExpired(now());
    }

    /**
     * A download attempt at the gateway: checks the share's state and password, then counts it atomically. Unknown
     * ids and wrong passwords cost one Argon2 check each, so their answers take the same time.
     */
    public DownloadOutcome download(String id, char[] password, String clientAddress, String userAgent) {
        Optional<StoredShare> found = ShareIds.isWellFormed(id) ? store.find(id) : Optional.empty();
        char[] given = password == null ? new char[0] : password;
        if (found.isEmpty()) {
            hasher.burn(given);
            return new DownloadOutcome.NotFound();
        }
        StoredShare stored = found.get();
        Instant now = now();
        ShareState state = stored.share().state(now);
        if (state != ShareState.ACTIVE) {
            return new DownloadOutcome.Gone(state);
        }
        if (stored.passwordHash() != null) {
            PasswordHasher.Check check = hasher.verify(given, stored.passwordHash());
            if (!check.matches()) {
                return new DownloadOutcome.WrongPassword(given.length > 0);
            }
            if (check.rehash() != null) {
                store.replacePasswordHash(id, stored.passwordHash(), check.rehash());
            }
        }
        DownloadRecord record = new DownloadRecord(id, now, addresses.hash(clientAddress), userAgent);
        if (!store.countDownload(record)) {
            return new DownloadOutcome.Gone(existing(id).state(now));
        }
        return new DownloadOutcome.Granted(existing(id));
    }

    public Clock clock() {
        return clock;
    }

    /** Deletes a share that was never given out (its History row could not be recorded). */
    void discard(String id) {
        store.discard(id);
    }

    /** Whole microseconds: what TIMESTAMPTZ (and H2's TIMESTAMP(6)) keeps, so a share reads back as it was made. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The gateway's public address (the start of every link), if set. */
    public Optional<String> publicUrl() {
        return store.setting(PUBLIC_URL_SETTING);
    }

    public String setPublicUrl(String url) {
        String checked = checkedPublicUrl(url);
        store.putSetting(PUBLIC_URL_SETTING, checked);
        return checked;
    }

    /** Sets the public URL unless one is set; returns the one in use. */
    public String publicUrlIfAbsent(String url) {
        return store.settingIfAbsent(PUBLIC_URL_SETTING, checkedPublicUrl(url));
    }

    /** The link to give out: public URL + {@code /s/ID}. */
    public String link(ProtectedShare share) {
        return requirePublicUrl() + "/s/" + share.id();
    }

    /** The public URL, or a clear error saying how to set it. */
    public String requirePublicUrl() {
        return publicUrl().orElseThrow(() -> new InvalidInputException("The share gateway's public URL is not set; "
                + "set it with 'linkdesk share config --public-url https://…' or in the settings."));
    }

    public static String checkedPublicUrl(String url) {
        String text = url == null ? "" : url.strip();
        try {
            URI uri = new URI(text);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(text, "not an http(s) address");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("The gateway's public URL must be an http:// or https:// address such as "
                    + "https://share.example.com (got \"" + text + "\").");
        }
        return text.replaceAll("/+$", "");
    }

    private ProtectedShare existing(String id) {
        return find(id).orElseThrow(() -> new ShareNotFoundException(id));
    }

    private static Duration checkedExpiry(Duration d) {
        if (d == null || d.compareTo(MIN_EXPIRY) < 0 || d.compareTo(MAX_EXPIRY) > 0) {
            throw new InvalidInputException("A protected link lasts 1 minute to 365 days (asked: "
                    + (d == null ? "nothing" : Durations.format(d)) + ").");
        }
        return d;
    }

    private static Integer checkedLimit(Integer max) {
        if (max != null && (max < 1 || max > MAX_DOWNLOADS)) {
            throw new InvalidInputException("The download limit is 1 to " + MAX_DOWNLOADS + " (or none).");
        }
        return max;
    }

    private static boolean hasPassword(char[] password) {
        if (password != null) {
            for (char c : password) {
                if (!Character.isWhitespace(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String lastSegment(String key) {
        String trimmed = key.replaceAll("/+$", "");
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return name.isEmpty() ? "download" : name;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
