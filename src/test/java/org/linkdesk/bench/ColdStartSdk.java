package org.linkdesk.bench;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Child JVM of {@code PresignBench}: time to the first URL from the AWS SDK's S3Presigner in a fresh JVM. */
public final class ColdStartSdk {
    private ColdStartSdk() {
    }

    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        try (S3Presigner presigner = S3Presigner.builder()
                .region(Region.of(BenchData.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(BenchData.ACCESS_KEY, BenchData.SECRET)))
                .build()) {
            String url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofHours(1))
                    .getObjectRequest(g -> g.bucket(BenchData.BUCKET).key("photos/2024/first.jpg"))).url().toString();
            BenchData.reportColdStart(mainStart, System.nanoTime(), System.currentTimeMillis(), url);
        }
    }
}
