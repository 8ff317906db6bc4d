package org.linkdesk.links;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.linkdesk.core.sign.EffectiveExpiry;

/** Says in plain words why a link dies sooner than asked, e.g. "Your SSO session ends at 17:40, so this link dies then." */
public final class ExpiryExplanation {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm",
            Locale.ENGLISH);

    private ExpiryExplanation() {
    }

    /**
     * @param credentialSource what the credentials come from ("your SSO session"), or null when unknown
     * @return the warning, or null when the link lives as long as asked
     */
    public static String warning(EffectiveExpiry expiry, String credentialSource, ZoneId zone, Instant now) {
        if (!expiry.isShorterThanRequested()) {
            return null;
        }
        String when = when(expiry.expiresAt(), zone, now);
        return switch (expiry.limitedBy()) {
            case CREDENTIALS -> {
                String source = credentialSource == null ? "the signing credentials" : credentialSource;
                String verb = source.endsWith("session") ? " ends " : source.endsWith("token") ? " expires "
                        : " expire ";
                yield capitalize(source) + verb + when + ", so this link dies then.";
            }
            case SIGV4_MAX -> "Signed links live at most 7 days, so this link dies " + when + ".";
            case PROVIDER -> "The storage provider caps link lifetime, so this link dies " + when + ".";
            case REQUESTED -> null;
        };
    }

    /** "at 17:40" today, else "on Sat 29 Nov at 17:40". */
    static String when(Instant at, ZoneId zone, Instant now) {
        ZonedDateTime t = at.atZone(zone);
        return LocalDate.ofInstant(now, zone).equals(t.toLocalDate()) ? "at " + TIME.format(t)
                : "on " + DAY_TIME.format(t);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
