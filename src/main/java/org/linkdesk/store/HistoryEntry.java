package org.linkdesk.store;

import java.time.Instant;
import java.util.List;

/**
 * A share as the history shows it: the recorded link plus its details and what the last check found.
 *
 * @param recordedEtag the object's ETag when the link was made (or at the first check), or null
 * @param checkedAt    when the object was last checked, or null
 * @param checkDetail  a short description of the last check's outcome, or null
 * @param renewedFrom  the id of the share this one renewed, or null
 * @param urlRedacted  the link without its signature (not a secret)
 * @param madeBy       who made the link, in a team history (their display name); null in a personal history
 */
public record HistoryEntry(ShareRecord share, ShareDetails details, ObjectState objectState, String recordedEtag,
                           Instant checkedAt, String checkDetail, Long renewedFrom,
                           String urlRedacted, String madeBy) {

    /** An entry of a personal history (no maker recorded). */
    public HistoryEntry(ShareRecord share, ShareDetails details, ObjectState objectState, String recordedEtag,
                        Instant checkedAt, String checkDetail, Long renewedFrom, String urlRedacted) {
        this(share, details, objectState, recordedEtag, checkedAt, checkDetail, renewedFrom, urlRedacted, null);
    }

    public long id() {
        return share.id();
    }

    public String recipient() {
        return details.recipient();
    }

    public String note() {
        return details.note();
    }

    public List<String> tags() {
        return details.tags();
    }

    /** Expired wins (the link is dead anyway); then gone or changed objects; then how soon it expires. */
    public ShareStatus status(Instant now) {
        ShareStatus byTime = share.status(now);
        if (byTime == ShareStatus.EXPIRED) {
            return byTime;
        }
        return switch (objectState) {
            case GONE -> ShareStatus.GONE;
            case CHANGED -> ShareStatus.CHANGED;
            default -> byTime;
        };
    }
}
