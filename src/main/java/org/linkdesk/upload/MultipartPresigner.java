package org.linkdesk.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkdesk.core.s3.S3Uploads;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.PresignRequest;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.links.SigningIdentity;

/**
 * Starts a multipart upload and presigns everything someone else needs to finish it without credentials: one PUT
 * URL per part, the CompleteMultipartUpload POST and the abort DELETE.
 */
public final class MultipartPresigner {
    private final S3Uploads uploads;
    private final SigV4Presigner presigner;
    private final Clock clock;

    public MultipartPresigner(S3Uploads uploads, SigV4Presigner presigner, Clock clock) {
        this.uploads = uploads;
        this.presigner = presigner;
        this.clock = clock;
    }

    public PresignedMultipart start(SigningIdentity who, String bucket, String key, long size, long partSize,
                                    Duration expiresIn, String contentType) {
        PresignRequest.requireValidExpiry(expiresIn);
        PartPlan plan = PartPlan.of(size, partSize);
        String uploadId = uploads.createMultipartUpload(who.endpoint(), who.credentials(), bucket, key, contentType);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<PresignedMultipart.PartUrl> parts = new ArrayList<>(plan.partCount());
        for (int n = 1; n <= plan.partCount(); n++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("partNumber", Integer.toString(n));
            query.put("uploadId", uploadId);
            parts.add(new PresignedMultipart.PartUrl(n, presigner.presign(who.endpoint(), who.credentials(),
                    new PresignRequest(HttpMethod.PUT, bucket, key, expiresIn, query, Map.of()), now).url()));
        }
        Map<String, String> idOnly = Map.of("uploadId", uploadId);
        String complete = presigner.presignAs("POST", who.endpoint(), who.credentials(),
                new PresignRequest(HttpMethod.PUT, bucket, key, expiresIn, idOnly, Map.of()), now).url();
        String abort = presigner.presign(who.endpoint(), who.credentials(),
                new PresignRequest(HttpMethod.DELETE, bucket, key, expiresIn, idOnly, Map.of()), now).url();
        return new PresignedMultipart(bucket, key, uploadId, size, plan.partSize(), parts, complete, abort,
                now.plus(expiresIn));
    }
}
