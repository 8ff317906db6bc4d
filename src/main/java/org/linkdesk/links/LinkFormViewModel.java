package org.linkdesk.links;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.linkdesk.core.s3.ObjectInfo;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.handover.HandoverLink;
import org.linkdesk.handover.LinkFormat;
import org.linkdesk.handover.LinkTester;
import org.linkdesk.handover.ui.HandoverViewModel;
import org.linkdesk.handover.ui.KeyPreviewModel;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.S3Names;
import org.linkdesk.profiles.BucketRegions;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.ui.common.StatusMessage;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;

/** State, validation and actions of the "Make a link" form; the view only binds to it. */
public final class LinkFormViewModel {
    private final LinkService links;
    private final ProfileService profiles;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final Clock clock;
    private final ZoneId zone;
    private final ReadOnlyObjectProperty<Profile> profile;
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
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper linkSummary = new ReadOnlyStringWrapper("");
    private final StatusMessage status = new StatusMessage();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canGenerate;
    private final BooleanBinding canUseLink;
    private final ExpiryPreview expiry;
    private final ObjectVerification verification;
    private GeneratedLink lastLink;
    private final HandoverViewModel handover;
    private final KeyPreviewModel keyPreview;

    public LinkFormViewModel(LinkService links, ProfileService profiles, Supplier<S3Http> s3, TaskRunner tasks,
                             TextClipboard clipboard, Clock clock, ZoneId zone, ReadOnlyObjectProperty<Profile> profile) {
        this(links, profiles, s3, tasks, clipboard, clock, zone, profile, null);
    }

    /** @param bucketRegions where the regions found for buckets are remembered, or null not to remember them */
    public LinkFormViewModel(LinkService links, ProfileService profiles, Supplier<S3Http> s3, TaskRunner tasks,
                             TextClipboard clipboard, Clock clock, ZoneId zone, ReadOnlyObjectProperty<Profile> profile,
                             BucketRegions bucketRegions) {
        this.links = links;
        this.profiles = profiles;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.clock = clock;
        this.zone = zone;
        this.profile = profile;
        expiry = new ExpiryPreview(links, profiles, tasks, clock, zone, profile, this::lifetime, this::showError);
        verification = new ObjectVerification(profiles, s3, tasks, bucketRegions, status, busy);
        untilDate.set(LocalDate.now(clock.withZone(zone)).plusDays(1));
        handover = new HandoverViewModel(LinkTester.createDefault(), tasks, clipboard);
        keyPreview = new KeyPreviewModel(bucket, key, method, downloadName, inline,
                () -> profile.get() == null ? null : profile.get().endpoint(), profile);

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
        profile.addListener((o, was, now) -> expiry.learnCredentialExpiry(now));
        bucket.addListener(o -> verification.clearRegionSuggestion());
        for (Observable o : new Observable[] {bucket, key, profile}) {
            o.addListener(x -> verification.forget());
        }
        ReadOnlyStringProperty expiryProblem = expiry.problemProperty();
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
        expiry.refresh();
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
        ObjectInfo checked = verification.objectInfoProperty().get();
        // The ETag from a Verify of this very object lets a later re-check tell whether it was overwritten.
        ShareExtras extras = checked != null && checked.bucket().equals(b) && checked.key().equals(k)
                ? ShareExtras.NONE.withRecordedEtag(checked.etag()) : ShareExtras.NONE;
        tasks.run(() -> {
            var credentials = profiles.credentials(p);
            var identity = new SigningIdentity(p.id(), p.name(), verification.endpointFor(p, b), credentials);
            return links.generate(identity, b, k, opts, n, ExpiryPreview.providerCap(p), extras);
        }).onSuccess(link -> {
                    clearLink();
                    lastLink = link;
                    url.set(link.url().url());
                    handover.linkProperty().set(HandoverLink.of(link.url(), opts.method() == HttpMethod.GET
                            && opts.downloadName() != null ? opts.downloadName() : DownloadNames.fileName(k),
                            link.expiry().expiresAt()));
                    String summary = LinkSummary.of(link, b, k, expiry.credentialSource(p), zone, clock.instant());
                    refreshExpiry();
                    linkSummary.set(summary);
                    showInfo("Link ready and saved in the history.");
                    onGenerated.accept(link);
                }).onError(this::showError).andFinally(() -> busy.set(false)).start();
    }

    /** Copy formats, QR code and self-test of the link just made. */
    public HandoverViewModel handover() {
        return handover;
    }

    /** Key warnings and previews as the key and download name are typed. */
    public KeyPreviewModel keyPreview() {
        return keyPreview;
    }

    /** Puts the link on the clipboard, in the default copy format (settings) when it is not the bare URL. */
    public void copy() {
        if (url.get().isEmpty()) {
            return;
        }
        LinkFormat format = handover.defaultFormatProperty().get();
        if (format == LinkFormat.URL || handover.linkProperty().get() == null) {
            clipboard.put(url.get());
            showInfo("Link copied to the clipboard.");
        } else {
            handover.copy(format);
            showInfo("Link copied to the clipboard as " + format.label() + ".");
        }
    }

    /** Checks that the object exists (HEAD) and shows what S3 says about it. */
    public void verify() {
        Profile p = profile.get();
        if (p == null || bucketProblem.get() != null || keyProblem.get() != null) {
            return;
        }
        verification.verify(p, bucket.get().strip(), key.get());
    }

    /** Uses the region the server named for the bucket from now on (remembered per profile), and checks again. */
    public void acceptRegionSuggestion() {
        verification.acceptRegionSuggestion(profile.get(), b -> {
            if (bucket.get().strip().equals(b)) {
                verify();
            }
        });
    }

    private void clearLink() {
        if (lastLink != null || !url.get().isEmpty()) {
            lastLink = null;
            handover.linkProperty().set(null);
            url.set("");
            linkSummary.set("");
        }
        verification.clearObjectInfo();
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
    public ReadOnlyStringProperty expiryProblemProperty() { return expiry.problemProperty(); }
    public ReadOnlyStringProperty expirySummaryProperty() { return expiry.summaryProperty(); }
    /** Why the link dies sooner than asked ("Your SSO session ends at 17:40, so this link dies then."), or null. */
    public ReadOnlyStringProperty expiryWarningProperty() { return expiry.warningProperty(); }
    /** The region the server said the bucket is in, offered to the user, or null. */
    public ReadOnlyStringProperty regionSuggestionProperty() { return verification.regionSuggestionProperty(); }
    /** A warning about the local clock, or null. */
    public ReadOnlyStringProperty clockWarningProperty() { return verification.clockWarningProperty(); }
    public ReadOnlyStringProperty urlProperty() { return url.getReadOnlyProperty(); }
    public ReadOnlyStringProperty linkSummaryProperty() { return linkSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return status.textProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return status.isErrorProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ObjectInfo> objectInfoProperty() { return verification.objectInfoProperty(); }
    public BooleanBinding canGenerateProperty() { return canGenerate; }
    public BooleanBinding canUseLinkProperty() { return canUseLink; }
    public ReadOnlyObjectProperty<Profile> profileProperty() { return profile; }
}
