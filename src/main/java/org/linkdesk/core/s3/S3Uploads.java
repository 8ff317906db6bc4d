package org.linkdesk.core.s3;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.S3Names;
import org.linkdesk.core.sign.SigV4;

/**
 * The upload calls: PutObject and the multipart calls (Create, UploadPart, Complete, Abort, ListMultipartUploads,
 * ListParts), on the same signed client as {@link S3Http}. Bodies stream from a {@link FileSlice} with
 * {@code UNSIGNED-PAYLOAD} and a signed {@code Content-MD5}, so the server checks every byte. Thread-safe.
 */
public final class S3Uploads {
    private final S3Http http;

    public S3Uploads(S3Http http) {
        this.http = http;
    }

    /** PutObject of a whole (small) file range; returns the ETag without quotes. */
    public String putObject(S3Endpoint endpoint, AwsCredentials credentials, String bucket, String key,
                            String contentType, FileSlice content, LongConsumer sent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-MD5", content.md5Base64());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        S3Response response = call("PUT", endpoint, credentials, bucket, key, Map.of(), headers,
                body(content, sent));
        return etag(response);
    }

    /** CreateMultipartUpload; returns the upload id. */
    public String createMultipartUpload(S3Endpoint endpoint, AwsCredentials credentials, String bucket, String key,
                                        String contentType) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        S3Response response = call("POST", endpoint, credentials, bucket, key, Map.of("uploads", ""), headers, null);
        String uploadId = MultipartXml.parse(response.body(), "").get("UploadId");
        if (uploadId == null || uploadId.isEmpty()) {
            throw new S3ServerException("The server started a multipart upload but gave no upload id.", 200, null);
        }
        return uploadId;
    }

    /** UploadPart; returns the part's ETag without quotes. */
    public String uploadPart(S3Endpoint endpoint, AwsCredentials credentials, String bucket, String key,
                             String uploadId, int partNumber, FileSlice content, LongConsumer sent) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("partNumber", Integer.toString(partNumber));
        query.put("uploadId", uploadId);
        S3Response response = call("PUT", endpoint, credentials, bucket, key, query,
                Map.of("Content-MD5", content.md5Base64()), body(content, sent));
        return etag(response);
    }

    /** CompleteMultipartUpload with the parts in order; returns the object's ETag without quotes. */
    public String completeMultipartUpload(S3Endpoint endpoint, AwsCredentials credentials, String bucket, String key,
                                          String uploadId, List<UploadedPart> parts) {
        byte[] xml = completeXml(parts).getBytes(StandardCharsets.UTF_8);
        // The server assembles the object before it answers in full: allow for a slow server with a big object.
        long objectSize = parts.stream().mapToLong(p -> Math.max(0, p.size())).sum();
        S3Http.Body body = new S3Http.Body(HttpRequest.BodyPublishers.ofByteArray(xml), SigV4.sha256Hex(xml),
                xml.length, java.time.Duration.ofSeconds(objectSize / (8L * 1024 * 1024)));
        S3Response response = call("POST", endpoint, credentials, bucket, key, Map.of("uploadId", uploadId),
                Map.of("Content-Type", "application/xml"), body);
        // The server answers 200 at once and may still fail: the error is then in the body, or the body breaks off.
        MultipartXml.Document document;
        try {
            document = MultipartXml.parse(response.body(), "");
        } catch (S3ServerException e) {
            throw new S3ServerException("The server failed while completing the upload (its answer broke off). "
                    + "Try again.", 500, null);
        }
        if ("Error".equals(document.root())) {
            throw S3Errors.toException(new S3Errors.Call(bucket, key, endpoint.region()),
                    new S3Response(500, response.headers(), response.body(), response.receivedAt()));
        }
        String etag = document.get("ETag");
        return etag == null ? null : unquote(etag);
    }

    /** The XML body of CompleteMultipartUpload. */
    public static String completeXml(List<UploadedPart> parts) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        parts.stream().sorted(Comparator.comparingInt(UploadedPart::partNumber)).forEach(p -> xml.append("<Part>")
                .append("<PartNumber>").append(p.partNumber()).append("</PartNumber>")
                .append("<ETag>\"").append(p.etag()).append("\"</ETag></Part>"));
        return xml.append("</CompleteMultipartUpload>").toString();
    }

    /** AbortMultipartUpload; an upload that no longer exists counts as aborted. */
    public void abortMultipartUpload(S3Endpoint endpoint, AwsCredentials credentials, String bucket, String key,
                                     String uploadId) {
        try {
            call("DELETE", endpoint, credentials, bucket, key, Map.of("uploadId", uploadId), Map.of(), null);
        } catch (NoSuchKeyException e) {
            // NoSuchUpload comes back as 404: nothing left to abort.
        }
    }

    /** ListMultipartUploads: every unfinished upload under {@code prefix}, all pages. */
    public List<MultipartUpload> listMultipartUploads(S3Endpoint endpoint, AwsCredentials credentials, String bucket,
                                                      String prefix) {
        List<MultipartUpload> out = new ArrayList<>();
        String keyMarker = null;
        String uploadIdMarker = null;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("uploads", "");
            query.put("encoding-type", "url");
            if (prefix != null && !prefix.isEmpty()) {
                query.put("prefix", prefix);
            }
            if (keyMarker != null) {
                query.put("key-marker", keyMarker);
                query.put("upload-id-marker", uploadIdMarker == null ? "" : uploadIdMarker);
            }
            S3Response response = call("GET", endpoint, credentials, bucket, "", query, Map.of(), null);
            MultipartXml.Document page = MultipartXml.parse(response.body(), "Upload");
            boolean encoded = "url".equalsIgnoreCase(page.get("EncodingType"));
            for (Map<String, String> upload : page.records()) {
                out.add(new MultipartUpload(bucket, decode(upload.get("Key"), encoded), upload.get("UploadId"),
                        instant(upload.get("Initiated"))));
            }
            if (!"true".equalsIgnoreCase(page.get("IsTruncated")) || page.get("NextKeyMarker") == null) {
                return out;
            }
            keyMarker = decode(page.get("NextKeyMarker"), encoded);
            uploadIdMarker = page.get("NextUploadIdMarker");
        }
    }

    /** ListParts: the parts the server holds for an upload, all pages. */
    public List<UploadedPart> listParts(S3Endpoint endpoint, AwsCredentials credentials, String bucket, String key,
                                        String uploadId) {
        List<UploadedPart> out = new ArrayList<>();
        String marker = null;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("uploadId", uploadId);
            if (marker != null) {
                query.put("part-number-marker", marker);
            }
            S3Response response = call("GET", endpoint, credentials, bucket, key, query, Map.of(), null);
            MultipartXml.Document page = MultipartXml.parse(response.body(), "Part");
            for (Map<String, String> part : page.records()) {
                String size = part.get("Size");
                out.add(new UploadedPart(Integer.parseInt(part.get("PartNumber")), unquote(part.get("ETag")),
                        size == null || size.isEmpty() ? -1 : Long.parseLong(size)));
            }
            if (!"true".equalsIgnoreCase(page.get("IsTruncated")) || page.get("NextPartNumberMarker") == null) {
                return out;
            }
            marker = page.get("NextPartNumberMarker");
        }
    }

    private S3Response call(String method, S3Endpoint endpoint, AwsCredentials credentials, String bucket,
                            String key, Map<String, String> query, Map<String, String> signedHeaders,
                            S3Http.Body body) {
        S3Names.requireValidBucket(bucket);
        if (!key.isEmpty()) {
            S3Names.requireValidKey(key);
        }
        S3Response response = http.send(method, endpoint.address(bucket, key), query, signedHeaders, Map.of(), body,
                credentials, endpoint.region());
        if (!response.isSuccess()) {
            throw S3Errors.toException(new S3Errors.Call(bucket, key.isEmpty() ? null : key, endpoint.region()),
                    response);
        }
        return response;
    }

    private static S3Http.Body body(FileSlice content, LongConsumer sent) {
        return new S3Http.Body(content.publisher(sent), SigV4.UNSIGNED_PAYLOAD, content.length());
    }

    private static String etag(S3Response response) {
        return response.header("ETag").map(S3Uploads::unquote).orElse(null);
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static String decode(String name, boolean encoded) {
        return name == null || !encoded ? name : URLDecoder.decode(name, StandardCharsets.UTF_8);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
