package org.linkdesk.shares;

import java.time.Instant;

/**
 * One protected share as stored. {@code maxDownloads} null: unlimited. The password hash stays inside the service
 * and store; callers see only {@link #passwordProtected()}.
 */
public record ProtectedShare(String id, String owner, String bucket, String key, String fileName, Long sizeBytes,
                             boolean passwordProtected, Integer maxDownloads, int downloads, Instant createdAt,
                             Instant expiresAt, Instant revokedAt, Instant lastDownloadAt, String note) {

    public ShareState state(Instant now) {
        if (revokedAt != null) {
            return ShareState.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return ShareState.EXPIRED;
        }
        if (maxDownloads != null && downloads >= maxDownloads) {
            return ShareState.USED_UP;
        }
        return ShareState.ACTIVE;
    }

    /** Downloads left, or null when unlimited. */
    public Integer downloadsLeft() {
        return maxDownloads == null ? null : Math.max(0, maxDownloads - downloads);
    }

    @Override
    public String toString() {
        return "ProtectedShare[" + id + ", " + owner + ", " + downloads + "/" + maxDownloads + "]";
    }
}
