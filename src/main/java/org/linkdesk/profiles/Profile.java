package org.linkdesk.profiles;

import java.time.Instant;
import org.linkdesk.core.sign.S3Endpoint;

/** A saved credential profile; its secrets stay in the vault. */
public record Profile(long id, String name, String accessKeyId, String region, String endpointUrl, boolean pathStyle,
                      boolean hasSessionToken, Instant createdAt, Instant updatedAt) {

    public S3Endpoint endpoint() {
        return S3Endpoint.of(endpointUrl, region, pathStyle);
    }

    @Override
    public String toString() {
        return name;
    }
}
