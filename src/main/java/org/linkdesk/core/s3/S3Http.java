package org.linkdesk.core.s3;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;

/**
 * The S3 calls Linkdesk makes itself, on {@link HttpClient} with SigV4 header signing. Every call has a connect and a
 * request timeout, so none can hang.
 */
public final class S3Http {
    private final HttpClient http;
    private final Clock clock;
    private final Duration requestTimeout;

    public S3Http(HttpClient http, Clock clock, Duration requestTimeout) {
        this.http = http;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
    }

    /** A client with a 10 s connect timeout and a 30 s request timeout. */
    public static S3Http createDefault() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new S3Http(http, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    /** HEAD object. Throws a specific {@link S3Exception} subclass with a plain-words message on failure. */
    public ObjectInfo headObject(S3Endpoint endpoint, AwsCredentials credentials, String bucket, String key) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
