package org.linkdesk.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.util.function.Supplier;
import org.linkdesk.core.s3.ObjectInfo;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.WrongRegionException;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.S3Names;
import org.linkdesk.profiles.BucketRegions;
import org.linkdesk.profiles.CredentialExpiry;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.common.StatusMessage;
import org.linkdesk.ui.common.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;

/** State, validation and actions of the "Make a link" form; the view only binds to it. */
public final class LinkFormViewModel {
    private final LinkService links;
    private final ProfileService profiles;
    private final Supplier<S3Http> s3;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final Clock clock;
    private final ZoneId zone;
    private final ReadOnlyObjectProperty<Profile> profile;
    private final BucketRegions bucketRegions;
    private Consumer<GeneratedLink> onGenerated = link -> { };

    private final StringProperty bucket = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final ObjectProperty<HttpMethod> method = new SimpleObjectProperty<>(HttpMethod.GET);
    private final ObjectProperty<ExpiryPreset> preset = new SimpleObjectProperty<>(ExpiryPreset.HOUR_1);
    private final StringProperty customDuration = new SimpleStringProperty("2h");
    private final ObjectProperty<LocalDate> untilDate = new SimpleObjectProperty<>();
    private final StringProperty untilTime = new SimpleStringProperty("17:00");
    private final StringProperty downloadName = new SimpleStringProperty("");
    private final BooleanProperty inline = new SimpleBooleanProperty(false);
    private final StringProperty responseContentType = new SimpleStringProperty("");
    private final StringProperty cacheControl = new SimpleStringProperty("");
    private final StringProperty contentType = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper bucketProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper keyProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper expiryProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper expirySummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper expiryWarning = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper regionSuggestion = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper clockWarning = new ReadOnlyStringWrapper();
    private String suggestedBucket;
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper linkSummary = new ReadOnlyStringWrapper("");
    private final StatusMessage status = new StatusMessage();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ObjectInfo> objectInfo = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canGenerate;
    private final BooleanBinding canUseLink;
    private GeneratedLink lastLink;

    public LinkFormViewModel(LinkService links, ProfileService profiles, Supplier<S3Http> s3, TaskRunner tasks,
                             TextClipboard clipboard, Clock clock, ZoneId zone, ReadOnlyObjectProperty<Profile> profile) {
        this(links, profiles, s3, tasks, clipboard, clock, zone, profile, null);
    }

    /** @param bucketRegions where the regions found for buckets are remembered, or null not to remember them */
    public LinkFormViewModel(LinkService links, ProfileService profiles, Supplier<S3Http> s3, TaskRunner tasks,
                             TextClipboard clipboard, Clock clock, ZoneId zone, ReadOnlyObjectProperty<Profile> profile,
                             BucketRegions bucketRegions) {
        this.bucketRegions = bucketRegions;
        this.links = links;
        this.profiles = profiles;
        this.s3 = s3;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.clock = clock;
        this.zone = zone;
        this.profile = profile;
        untilDate.set(LocalDate.now(clock.withZone(zone)).plusDays(1));

        bucket.addListener(o -> bucketProblem.set(S3Names.bucketProblem(bucket.get().strip()).orElse(null)));
        key.addListener(o -> keyProblem.set(S3Names.keyProblem(key.get()).orElse(null)));
        bucketProblem.set(S3Names.bucketProblem("").orElse(null));
        keyProblem.set(S3Names.keyProblem("").orElse(null));
        for (Observable o : new Observable[] {preset, customDuration, untilDate, untilTime, profile}) {
            o.addListener(x -> refreshExpiry());
        }
        refreshExpiry();
        // A new input makes the shown link stale: clear it so nobody copies a link for the old key.
        for (Observable o : new Observable[] {bucket, key, method, preset, customDuration, untilDate, untilTime,
                downloadName, inline, responseContentType, cacheControl, contentType, profile}) {
            o.addListener(x -> clearLink());
        }
        profile.addListener((o, was, now) -> learnCredentialExpiry(now));
        bucket.addListener(o -> regionSuggestion.set(null));
        canGenerate = Bindings.createBooleanBinding(() -> profile.get() != null && bucketProblem.get() == null
                && keyProblem.get() == null && expiryProblem.get() == null && !busy.get(),
                profile, bucketProblem, keyProblem, expiryProblem, busy);
        canUseLink = Bindings.createBooleanBinding(() -> !url.get().isEmpty() && !busy.get(), url, busy);
    }

    /** Called on the UI thread after each link is made and recorded. */
    public void setOnGenerated(Consumer<GeneratedLink> onGenerated) {
        this.onGenerated = onGenerated;
    }

    /** Recomputes the expiry line ("Expires Sat 28 Nov 2026, 17:40 — in 1 h"); call it again as time passes. */
    public void refreshExpiry() {
        try {
            Duration lifetime = lifetime();
            Profile p = profile.get();
            CredentialExpiry known = profiles.knownExpiry(p).orElse(null);
            EffectiveExpiry expiry = links.preview(known == null ? null : known.expiresAt(), lifetime, providerCap(p));
            Instant now = clock.instant();
            expiryProblem.set(null);
            expirySummary.set("Expires " + Formats.dateTime(expiry.expiresAt(), zone) + " — "
                    + Formats.relative(expiry.expiresAt(), now));
            expiryWarning.set(ExpiryExplanation.warning(expiry, known == null ? null : known.source(), zone, now));
        } catch (IllegalArgumentException e) {
            expiryProblem.set(e.getMessage());
            expirySummary.set(e.getMessage());
            expiryWarning.set(null);
        }
    }

    private static Duration providerCap(Profile p) {
        return p == null ? null : p.preset().linkCap().orElse(null);
    }

    /** Resolves an AWS CLI profile's credentials in the background, so the expiry shown is the real one. */
    private void learnCredentialExpiry(Profile p) {
        if (p == null || !p.isAwsReference()) {
            return;
        }
        tasks.run(() -> profiles.credentials(p), creds -> {
            if (p.equals(profile.get())) {
                refreshExpiry();
            }
        }, e -> {
            if (p.equals(profile.get())) {
                showError(e);
            }
        }, null);
    }

    private Duration lifetime() {
        return ExpiryChoice.lifetime(preset.get(), customDuration.get(), untilDate.get(), untilTime.get(), clock, zone);
    }

    LinkOptions options() {
        return new LinkOptions(method.get(), lifetime(), downloadName.get(), inline.get(), responseContentType.get(),
                cacheControl.get(), contentType.get());
    }

    /** Signs the link and records it in the history (in the background). */
    public void generate() {
        if (!canGenerate.get()) {
            return;
        }
        Profile p = profile.get();
        String b = bucket.get().strip();
        String k = key.get();
        LinkOptions opts;
        try {
            opts = options();
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        String n = note.get();
        startBusy("Making the link…");
        ObjectInfo checked = objectInfo.get();
        // The ETag from a Verify of this very object lets a later re-check tell whether it was overwritten.
        ShareExtras extras = checked != null && checked.bucket().equals(b) && checked.key().equals(k)
                ? ShareExtras.NONE.withRecordedEtag(checked.etag()) : ShareExtras.NONE;
        tasks.run(() -> {
            var credentials = profiles.credentials(p);
            var identity = new SigningIdentity(p.id(), p.name(), endpointFor(p, b), credentials);
            return links.generate(identity, b, k, opts, n, providerCap(p), extras);
        },
                link -> {
                    clearLink();
                    lastLink = link;
                    url.set(link.url().url());
                    Instant now = clock.instant();
                    String summary = link.url().method() + " link for " + b + "/" + k + " — expires "
                            + Formats.dateTime(link.expiry().expiresAt(), zone) + " (" + Formats.relative(link.expiry().expiresAt(), now) + ")";
                    if (link.expiry().isShorterThanRequested()) {
                        String source = profiles.knownExpiry(p).map(CredentialExpiry::source).orElse(null);
                        summary += ". Shorter than asked: "
                                + ExpiryExplanation.warning(link.expiry(), source, zone, now);
                    }
                    refreshExpiry();
                    linkSummary.set(summary);
                    if (!link.url().signedHeaders().isEmpty()) {
                        linkSummary.set(summary + " Whoever uses it must send: " + headersText(link));
                    }
                    showInfo("Link ready and saved in the history.");
                    onGenerated.accept(link);
                },
                this::showError, () -> busy.set(false));
    }

    private static String headersText(GeneratedLink link) {
        StringBuilder sb = new StringBuilder();
        link.url().signedHeaders().forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append(": ").append(v));
        return sb.toString();
    }

    /** Puts the link on the clipboard. */
    public void copy() {
        if (url.get().isEmpty()) {
            return;
        }
        clipboard.put(url.get());
        showInfo("Link copied to the clipboard.");
    }

    /** Checks that the object exists (HEAD) and shows what S3 says about it. */
    public void verify() {
        Profile p = profile.get();
        String b = bucket.get().strip();
        String k = key.get();
        if (p == null || bucketProblem.get() != null || keyProblem.get() != null) {
            return;
        }
        objectInfo.set(null);
        regionSuggestion.set(null);
        startBusy("Checking " + b + "/" + k + "…");
        tasks.run(() -> s3.get().headObject(endpointFor(p, b), profiles.credentials(p), b, k),
                info -> {
                    objectInfo.set(info);
                    showInfo("The object exists: " + Formats.size(info.size()) + ".");
                    checkClock();
                },
                e -> {
                    if (e instanceof WrongRegionException wrong && wrong.bucketRegion() != null) {
                        suggestedBucket = b;
                        regionSuggestion.set(wrong.bucketRegion());
                    }
                    showError(e);
                    checkClock();
                }, () -> busy.set(false));
    }

    private org.linkdesk.core.sign.S3Endpoint endpointFor(Profile p, String b) {
        return bucketRegions == null ? p.endpoint() : bucketRegions.endpointFor(p, b);
    }

    /** Uses the region the server named for the bucket from now on (remembered per profile), and checks again. */
    public void acceptRegionSuggestion() {
        Profile p = profile.get();
        String region = regionSuggestion.get();
        String b = suggestedBucket;
        if (p == null || region == null || b == null || bucketRegions == null) {
            return;
        }
        regionSuggestion.set(null);
        tasks.run(() -> {
            bucketRegions.remember(p.id(), b, region);
            return region;
        }, r -> {
            showInfo("Bucket " + b + " is in " + r + "; Linkdesk will sign for " + r + " from now on.");
            if (bucket.get().strip().equals(b)) {
                verify();
            }
        }, this::showError, null);
    }

    /** Warns when the server's clock and ours differ by more than {@link #SKEW_WARNING}. */
    private void checkClock() {
        clockWarning.set(s3.get().lastServerDate().map(org.linkdesk.profiles.ConnectionTest::clockWarning).orElse(null));
    }

    private void clearLink() {
        if (lastLink != null || !url.get().isEmpty()) {
            lastLink = null;
            url.set("");
            linkSummary.set("");
        }
        objectInfo.set(null);
    }

    private void startBusy(String text) {
        busy.set(true);
        status.info(text);
    }

    private void showInfo(String text) {
        status.info(text);
    }

    private void showError(Throwable e) {
        status.error(e);
    }

    private void showError(String text) {
        status.error(text);
    }

    /** Fills bucket and key (from the history or a browser). */
    public void fill(String bucketName, String objectKey) {
        bucket.set(bucketName);
        key.set(objectKey);
    }

    public StringProperty bucketProperty() { return bucket; }
    public StringProperty keyProperty() { return key; }
    public ObjectProperty<HttpMethod> methodProperty() { return method; }
    public ObjectProperty<ExpiryPreset> presetProperty() { return preset; }
    public StringProperty customDurationProperty() { return customDuration; }
    public ObjectProperty<LocalDate> untilDateProperty() { return untilDate; }
    public StringProperty untilTimeProperty() { return untilTime; }
    public StringProperty downloadNameProperty() { return downloadName; }
    public BooleanProperty inlineProperty() { return inline; }
    public StringProperty responseContentTypeProperty() { return responseContentType; }
    public StringProperty cacheControlProperty() { return cacheControl; }
    public StringProperty contentTypeProperty() { return contentType; }
    public StringProperty noteProperty() { return note; }
    public ReadOnlyStringProperty bucketProblemProperty() { return bucketProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty keyProblemProperty() { return keyProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty expiryProblemProperty() { return expiryProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty expirySummaryProperty() { return expirySummary.getReadOnlyProperty(); }
    /** Why the link dies sooner than asked ("Your SSO session ends at 17:40, so this link dies then."), or null. */
    public ReadOnlyStringProperty expiryWarningProperty() { return expiryWarning.getReadOnlyProperty(); }
    /** The region the server said the bucket is in, offered to the user, or null. */
    public ReadOnlyStringProperty regionSuggestionProperty() { return regionSuggestion.getReadOnlyProperty(); }
    /** A warning about the local clock, or null. */
    public ReadOnlyStringProperty clockWarningProperty() { return clockWarning.getReadOnlyProperty(); }
    public ReadOnlyStringProperty urlProperty() { return url.getReadOnlyProperty(); }
    public ReadOnlyStringProperty linkSummaryProperty() { return linkSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return status.textProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return status.isErrorProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ObjectInfo> objectInfoProperty() { return objectInfo.getReadOnlyProperty(); }
    public BooleanBinding canGenerateProperty() { return canGenerate; }
    public BooleanBinding canUseLinkProperty() { return canUseLink; }
    public ReadOnlyObjectProperty<Profile> profileProperty() { return profile; }
}
