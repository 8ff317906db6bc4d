package org.linkdesk.bench;

import java.time.Duration;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.PresignRequest;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.SigV4Presigner;

/** Child JVM of {@code PresignBench}: time to the first URL from Linkdesk's presigner in a fresh JVM. */
public final class ColdStartOurs {
    private ColdStartOurs() {
    }

    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        String url = new SigV4Presigner().presign(S3Endpoint.aws(BenchData.REGION, false),
                AwsCredentials.of(BenchData.ACCESS_KEY, BenchData.SECRET),
                PresignRequest.of(HttpMethod.GET, BenchData.BUCKET, "photos/2024/first.jpg", Duration.ofHours(1))).url();
        BenchData.reportColdStart(mainStart, System.nanoTime(), System.currentTimeMillis(), url);
    }
}
