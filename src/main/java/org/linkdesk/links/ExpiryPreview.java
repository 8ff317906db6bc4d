package org.linkdesk.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.profiles.CredentialExpiry;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.tasks.TaskRunner;

/** The expiry line of {@link LinkFormViewModel}: when a link made now would die, and why sooner than asked. */
final class ExpiryPreview {
    private final LinkService links;
    private final ProfileService profiles;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final ReadOnlyObjectProperty<Profile> profile;
    private final Supplier<Duration> lifetime;
    private final Consumer<Throwable> onError;

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper();

    /**
     * @param lifetime the lifetime the form asks for; throws {@link IllegalArgumentException} with a message fit to
     *                 show when the inputs don't give one
     * @param onError  shows an error from resolving the profile's credentials
     */
    ExpiryPreview(LinkService links, ProfileService profiles, TaskRunner tasks, Clock clock, ZoneId zone,
                  ReadOnlyObjectProperty<Profile> profile, Supplier<Duration> lifetime, Consumer<Throwable> onError) {
        this.links = links;
        this.profiles = profiles;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.profile = profile;
        this.lifetime = lifetime;
        this.onError = onError;
    }

    /** Recomputes the expiry line ("Expires Sat 28 Nov 2026, 17:40 — in 1 h"). */
    void refresh() {
        try {
            Duration asked = lifetime.get();
            Profile p = profile.get();
            CredentialExpiry known = profiles.knownExpiry(p).orElse(null);
            EffectiveExpiry expiry = links.preview(known == null ? null : known.expiresAt(), asked, providerCap(p));
            Instant now = clock.instant();
            problem.set(null);
            summary.set("Expires " + Formats.dateTime(expiry.expiresAt(), zone) + " — "
                    + Formats.relative(expiry.expiresAt(), now));
            warning.set(ExpiryExplanation.warning(expiry, known == null ? null : known.source(), zone, now));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            summary.set(e.getMessage());
            warning.set(null);
        }
    }

    /** Resolves an AWS CLI profile's credentials in the background, so the expiry shown is the real one. */
    void learnCredentialExpiry(Profile p) {
        if (p == null || !p.isAwsReference()) {
            return;
        }
        tasks.run(() -> profiles.credentials(p)).onSuccess(creds -> {
            if (p.equals(profile.get())) {
                refresh();
            }
        }).onError(e -> {
            if (p.equals(profile.get())) {
                onError.accept(e);
            }
        }).start();
    }

    /** What the profile's credentials come from ("your SSO session"), or null when unknown. */
    String credentialSource(Profile p) {
        return profiles.knownExpiry(p).map(CredentialExpiry::source).orElse(null);
    }

    static Duration providerCap(Profile p) {
        return p == null ? null : p.preset().linkCap().orElse(null);
    }

    ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }
}
