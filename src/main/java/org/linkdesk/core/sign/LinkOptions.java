package org.linkdesk.core.sign;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user's choices for one link, stored with the share (as JSON) so it can be renewed later.
 *
 * @param method              GET, PUT, HEAD or DELETE
 * @param expiresIn           the requested lifetime
 * @param downloadName        GET: file name the browser saves as ({@code response-content-disposition}), or null
 * @param inline              GET: show in the browser ({@code inline}) instead of downloading ({@code attachment})
 * @param responseContentType GET: override of the response Content-Type, or null
 * @param cacheControl        GET: override of the response Cache-Control, or null
 * @param contentType         PUT: the Content-Type the uploader must send (signed), or null
 * @param versionId           GET, HEAD, DELETE: the object version the link is for ({@code versionId}), or null for
 *                            the current one
 */
public record LinkOptions(HttpMethod method, Duration expiresIn, String downloadName, boolean inline,
                          String responseContentType, String cacheControl, String contentType, String versionId) {

    public LinkOptions(HttpMethod method, Duration expiresIn, String downloadName, boolean inline,
                       String responseContentType, String cacheControl, String contentType) {
        this(method, expiresIn, downloadName, inline, responseContentType, cacheControl, contentType, null);
    }

    public LinkOptions {
        if (method == null) {
            method = HttpMethod.GET;
        }
        downloadName = blankToNull(downloadName);
        responseContentType = blankToNull(responseContentType);
        cacheControl = blankToNull(cacheControl);
        contentType = blankToNull(contentType);
        versionId = blankToNull(versionId);
        if (versionId != null && method == HttpMethod.PUT) {
            throw new InvalidInputException("A version id applies to GET, HEAD and DELETE links; an upload makes a new version.");
        }
    }

    public LinkOptions withVersionId(String newVersionId) {
        return new LinkOptions(method, expiresIn, downloadName, inline, responseContentType, cacheControl, contentType,
                newVersionId);
    }

    public static LinkOptions get(Duration expiresIn) {
        return new LinkOptions(HttpMethod.GET, expiresIn, null, false, null, null, null);
    }

    public LinkOptions withExpiresIn(Duration newExpiry) {
        return new LinkOptions(method, newExpiry, downloadName, inline, responseContentType, cacheControl, contentType,
                versionId);
    }

    /** The request to sign for {@code bucket}/{@code key}, valid for {@code lifetime}. */
    public PresignRequest toRequest(String bucket, String key, Duration lifetime) {
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        if (method == HttpMethod.GET) {
            if (cacheControl != null) {
                query.put("response-cache-control", cacheControl);
            }
            if (downloadName != null || inline) {
                query.put("response-content-disposition", contentDisposition(inline, downloadName));
            }
            if (responseContentType != null) {
                query.put("response-content-type", responseContentType);
            }
        }
        if (versionId != null) {
            query.put("versionId", versionId);
        }
        if (method == HttpMethod.PUT && contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new PresignRequest(method, bucket, key, lifetime, query, headers);
    }

    /**
     * A Content-Disposition value: {@code attachment; filename="a.pdf"}. A name that a quoted ASCII filename cannot
     * carry as it is (characters outside printable ASCII, or {@code "} and {@code \}) gets an ASCII fallback with
     * {@code _} in their place plus the exact name in RFC 6266 / 5987 form, {@code filename*=UTF-8''…}, which
     * browsers prefer. The name is first made safe ({@link DownloadFileNames#safe}): no path separators, control
     * characters or quotes reach the header or the saved file.
     */
    public static String contentDisposition(boolean inline, String fileName) {
        String type = inline ? "inline" : "attachment";
        if (fileName == null) {
            return type;
        }
        fileName = DownloadFileNames.safe(fileName);
        StringBuilder ascii = new StringBuilder();
        boolean plain = true;
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                plain = false;
                ascii.append('_');
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
            } else if (c == '"' || c == '\\') {
                plain = false;
                ascii.append('_');
            } else {
                ascii.append(c);
            }
        }
        String value = type + "; filename=\"" + ascii + "\"";
        if (!plain) {
            value += "; filename*=UTF-8''" + UriEncoder.encode(fileName);
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Byte length in UTF-8, for limits on header sizes. */
    static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
