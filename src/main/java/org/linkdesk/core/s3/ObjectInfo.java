package org.linkdesk.core.s3;

import java.time.Instant;
import java.util.Map;

/** What HEAD object says about an object. */
public record ObjectInfo(String bucket, String key, long size, String contentType, Instant lastModified, String etag,
                         String storageClass, Map<String, String> userMetadata) {

    public ObjectInfo {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    }
}
