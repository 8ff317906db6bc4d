package org.linkdesk.upload;

import java.time.Instant;
import java.util.Map;

/**
 * A signed POST policy, shaped like boto3's {@code generate_presigned_post}: the form's target and its fields (in
 * the order the form must send them, the file last).
 */
public record PresignedPost(String url, Map<String, String> fields, Instant expiresAt, PostPolicyRequest request) {

    @Override
    public String toString() {
        return "PresignedPost[" + url + ", expiresAt=" + expiresAt + "]";
    }
}
