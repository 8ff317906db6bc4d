package org.linkdesk.upload;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.PresignRequest;
import org.linkdesk.core.sign.S3Names;

/**
 * What an upload link for someone else allows: the key (exact, or a prefix to which the uploaded file's name is
 * appended with {@code ${filename}}), the size range, the Content-Type (exact or a prefix), the answer (a redirect
 * or a status), and metadata every upload carries.
 *
 * @param bucket            the bucket
 * @param key               exact key, or null
 * @param keyPrefix         key prefix (may be empty) when {@code key} is null
 * @param minSize           smallest allowed size in bytes
 * @param maxSize           largest allowed size in bytes
 * @param contentType       exact Content-Type, or null
 * @param contentTypePrefix Content-Type prefix (e.g. {@code image/}), or null
 * @param expiresIn         how long the policy is valid
 * @param redirect          success_action_redirect, or null
 * @param successStatus     success_action_status (200, 201, 204) when there is no redirect
 * @param meta              x-amz-meta-* fields (names without the prefix)
 */
public record PostPolicyRequest(String bucket, String key, String keyPrefix, long minSize, long maxSize,
                                String contentType, String contentTypePrefix, Duration expiresIn, String redirect,
                                int successStatus, Map<String, String> meta) {
    public static final long MAX_SINGLE_UPLOAD = 5L * 1024 * 1024 * 1024;

    public PostPolicyRequest {
        S3Names.requireValidBucket(bucket);
        if (key != null && keyPrefix != null) {
            throw new InvalidInputException("Give an exact key or a key prefix, not both.");
        }
        if (key != null) {
            S3Names.requireValidKey(key);
        } else if (keyPrefix == null) {
            keyPrefix = "";
        }
        if (contentType != null && contentTypePrefix != null) {
            throw new InvalidInputException("Give an exact Content-Type or a Content-Type prefix, not both.");
        }
        if (minSize < 0 || maxSize < minSize) {
            throw new InvalidInputException("The size range is empty: the minimum is above the maximum.");
        }
        if (maxSize > MAX_SINGLE_UPLOAD) {
            throw new InvalidInputException("A browser POST upload can be at most 5 GiB; for larger files use "
                    + "presign-multipart.");
        }
        PresignRequest.requireValidExpiry(expiresIn);
        if (redirect != null && !(redirect.startsWith("https://") || redirect.startsWith("http://"))) {
            throw new InvalidInputException("The redirect must be an http:// or https:// URL.");
        }
        if (successStatus != 200 && successStatus != 201 && successStatus != 204) {
            throw new InvalidInputException("The success status must be 200, 201 or 204.");
        }
        Map<String, String> cleaned = new LinkedHashMap<>();
        (meta == null ? Map.<String, String>of() : meta).forEach((k, v) -> {
            String name = k.strip().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-amz-meta-")) {
                name = name.substring("x-amz-meta-".length());
            }
            if (name.isEmpty() || !name.matches("[a-z0-9._-]+")) {
                throw new InvalidInputException("Metadata names may hold letters, digits, '.', '_' and '-': '" + k
                        + "'.");
            }
            cleaned.put(name, v);
        });
        meta = Map.copyOf(cleaned);
    }

    /** The key field of the form: the exact key, or the prefix followed by {@code ${filename}}. */
    public String keyField() {
        return key != null ? key : keyPrefix + "${filename}";
    }
}
