package org.linkdesk.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.PresignRequest;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.core.sign.UriEncoder;

/**
 * Signs the short-lived GET a granted download is redirected to, with the gateway's own credentials: saved as an
 * attachment under the share's file name, and never cached.
 */
public final class DownloadSigner {
    private final S3Endpoint endpoint;
    private final Supplier<AwsCredentials> credentials;
    private final SigV4Presigner presigner;

    public DownloadSigner(S3Endpoint endpoint, Supplier<AwsCredentials> credentials, SigV4Presigner presigner) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.presigner = presigner;
    }

    public String sign(String bucket, String key, String fileName, Duration lifetime) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response-cache-control", "no-store");
        query.put("response-content-disposition", attachment(fileName));
        return presigner.presign(endpoint, credentials.get(),
                new PresignRequest(HttpMethod.GET, bucket, key, lifetime, query, Map.of())).url();
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…}: the exact name for browsers, an ASCII one for others. */
    static String attachment(String fileName) {
        String value = LinkOptions.contentDisposition(false, fileName);
        return value.contains("filename*=") ? value : value + "; filename*=UTF-8''" + UriEncoder.encode(fileName);
    }
}
