package org.linkdesk.handover;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.linkdesk.core.sign.DownloadFileNames;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.PresignedUrl;

/**
 * What the copy formats need to know about a link.
 *
 * @param url       the signed URL
 * @param method    the method it was signed for
 * @param headers   headers the signature requires (besides Host), such as Content-Type for a PUT
 * @param fileName  GET: the name to save the download as; PUT: the local file to upload (a placeholder the user
 *                  may change); already made safe as a file name
 * @param expiresAt when the link stops working, or null when unknown
 */
public record HandoverLink(String url, HttpMethod method, Map<String, String> headers, String fileName, Instant expiresAt) {

    public HandoverLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(headers));
        fileName = DownloadFileNames.safe(fileName);
    }

    /** A presigned S3 link; {@code fileName} is the download name or, for a PUT, the file to upload. */
    public static HandoverLink of(PresignedUrl url, String fileName, Instant effectiveExpiry) {
        return new HandoverLink(url.url(), url.method(), url.signedHeaders(), fileName,
                effectiveExpiry != null ? effectiveExpiry : url.expiresAt());
    }

    @Override
    public String toString() {
        return "HandoverLink[" + method + " " + PresignedUrl.redact(url) + "]";
    }
}
