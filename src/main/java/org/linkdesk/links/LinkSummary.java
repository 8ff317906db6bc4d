package org.linkdesk.links;

import java.time.Instant;
import java.time.ZoneId;
import org.linkdesk.ui.common.Formats;

/** The line under a new link: what it is for, when it expires, why sooner than asked, and the headers to send. */
final class LinkSummary {
    private LinkSummary() {
    }

    /** @param credentialSource what the credentials come from ("your SSO session"), or null when unknown */
    static String of(GeneratedLink link, String bucket, String key, String credentialSource, ZoneId zone, Instant now) {
        String summary = link.url().method() + " link for " + bucket + "/" + key + " — expires "
                + Formats.dateTime(link.expiry().expiresAt(), zone) + " (" + Formats.relative(link.expiry().expiresAt(), now) + ")";
        if (link.expiry().isShorterThanRequested()) {
            summary += ". Shorter than asked: " + ExpiryExplanation.warning(link.expiry(), credentialSource, zone, now);
        }
        if (!link.url().signedHeaders().isEmpty()) {
            summary += " Whoever uses it must send: " + headersText(link);
        }
        return summary;
    }

    private static String headersText(GeneratedLink link) {
        StringBuilder sb = new StringBuilder();
        link.url().signedHeaders().forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append(": ").append(v));
        return sb.toString();
    }
}
