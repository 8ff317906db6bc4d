package org.linkdesk.upload;

import java.time.Duration;

/**
 * Where one file's upload stands.
 *
 * @param file           the file name shown to the user
 * @param bytesDone      bytes the server has (finished parts, plus what in-flight parts have sent)
 * @param totalBytes     the file's size
 * @param bytesPerSecond the recent speed, 0 before it is known
 * @param eta            the time left at that speed, or null when unknown
 */
public record UploadProgress(String file, long bytesDone, long totalBytes, double bytesPerSecond, Duration eta) {

    public double fraction() {
        return totalBytes == 0 ? 1.0 : Math.min(1.0, (double) bytesDone / totalBytes);
    }
}
