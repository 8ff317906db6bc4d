package org.linkdesk.history;

import java.time.Instant;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ShareRecord;

/** How to stop a presigned link working before it expires: it cannot be revoked by itself. */
public final class RevokeAdvice {
    private RevokeAdvice() {
    }

    public static String describe(HistoryEntry entry, Instant now) {
        ShareRecord s = entry.share();
        String object = s.bucket() + "/" + s.key();
        String who = s.profileName() == null ? "environment credentials" : "profile \"" + s.profileName() + "\"";
        StringBuilder sb = new StringBuilder();
        if (!s.expiresAt().isAfter(now)) {
            sb.append("This link has already expired; it no longer works.\n\n");
        }
        sb.append("This ").append(s.method()).append(" link to ").append(object).append(" was signed with access key ")
                .append(s.accessKeyId()).append(" (").append(who).append(", region ").append(s.region())
                .append("). A presigned link cannot be withdrawn on its own: it works until ")
                .append(s.expiresAt()).append(" for whoever has it. To stop it sooner:\n\n")
                .append("1. Delete or replace the object ").append(object)
                .append(". A GET link then fails or serves the new content; other links to the same object are "
                        + "affected too. (Re-check shows the link as \"Object gone\" or \"Object changed\".)\n\n")
                .append("2. Deactivate or delete access key ").append(s.accessKeyId())
                .append(" (in IAM or your storage provider's console). Every link signed with that key stops "
                        + "working at once, so make a new key for the profile first.");
        if (s.expiryLimitedBy() != null && s.accessKeyId().startsWith("ASIA")) {
            sb.append("\n\nThis key is temporary (STS): the link also stops when its session ends.");
        }
        return sb.toString();
    }
}
