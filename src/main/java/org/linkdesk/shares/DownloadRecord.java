package org.linkdesk.shares;

import java.time.Instant;

/** One counted download: when, the client address's keyed hash, and its user agent (truncated). */
public record DownloadRecord(String shareId, Instant at, String ipHash, String userAgent) {
    public static final int MAX_USER_AGENT = 256;

    public DownloadRecord {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
