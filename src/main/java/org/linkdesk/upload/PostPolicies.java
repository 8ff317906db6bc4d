package org.linkdesk.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.PostPolicySigner;
import org.linkdesk.core.sign.S3Address;
import org.linkdesk.core.sign.S3Endpoint;

/** Builds a POST policy document (Jackson) for a {@link PostPolicyRequest} and signs it with SigV4. */
public final class PostPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private PostPolicies() {
    }

    public static PresignedPost sign(S3Endpoint endpoint, AwsCredentials credentials, PostPolicyRequest request,
                                     Instant now) {
        Instant signedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = signedAt.plus(request.expiresIn());
        PostPolicySigner.Credential credential = PostPolicySigner.credential(credentials, endpoint.region(), signedAt);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", request.keyField());
        if (request.contentType() != null) {
            fields.put("Content-Type", request.contentType());
        }
        if (request.redirect() != null) {
            fields.put("success_action_redirect", request.redirect());
        } else {
            fields.put("success_action_status", Integer.toString(request.successStatus()));
        }
        request.meta().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> fields.put("x-amz-meta-" + e.getKey(), e.getValue()));
        fields.put("x-amz-algorithm", credential.algorithm());
        fields.put("x-amz-credential", credential.credential());
        fields.put("x-amz-date", credential.amzDate());
        if (credential.securityToken() != null) {
            fields.put("x-amz-security-token", credential.securityToken());
        }
        String policy = Base64.getEncoder().encodeToString(
                document(request, fields, expiresAt).getBytes(StandardCharsets.UTF_8));
        fields.put("policy", policy);
        fields.put("x-amz-signature", PostPolicySigner.signature(credentials, endpoint.region(),
                credential.amzDate(), policy));
        return new PresignedPost(formUrl(endpoint, request.bucket()), fields, expiresAt, request);
    }

    /** The policy document (JSON) that the fields must satisfy. */
    static String document(PostPolicyRequest request, Map<String, String> fields, Instant expiresAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("expiration", EXPIRATION.format(expiresAt));
        ArrayNode conditions = root.putArray("conditions");
        conditions.addObject().put("bucket", request.bucket());
        if (request.key() != null) {
            conditions.addObject().put("key", request.key());
        } else {
            conditions.addArray().add("starts-with").add("$key").add(request.keyPrefix());
        }
        conditions.addArray().add("content-length-range").add(request.minSize()).add(request.maxSize());
        if (request.contentType() != null) {
            conditions.addObject().put("Content-Type", request.contentType());
        } else if (request.contentTypePrefix() != null) {
            conditions.addArray().add("starts-with").add("$Content-Type").add(request.contentTypePrefix());
        }
        fields.forEach((name, value) -> {
            if (!name.equals("key") && !name.equals("Content-Type")) {
                conditions.addObject().put(name, value);
            }
        });
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The form's target: the bucket's URL ({@code https://bucket.host/} or {@code http://host/bucket}). */
    static String formUrl(S3Endpoint endpoint, String bucket) {
        S3Address address = endpoint.address(bucket, "");
        String url = address.baseUrl();
        return endpoint.usesPathStyle(bucket) && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
