package org.linkdesk.shares;

import java.time.Duration;

/**
 * What to create: an object, who owns the share, how long and how often it may be downloaded, and an optional
 * password (the caller clears its array afterwards).
 */
public record NewProtectedShare(String owner, String bucket, String key, String fileName, Long sizeBytes,
                                Duration expiresIn, Integer maxDownloads, char[] password, String note) {
}
