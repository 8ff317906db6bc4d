package org.linkdesk.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.testing.S3ProxyExtension;
import org.linkdesk.testing.S3ProxyServer;

@ExtendWith(S3ProxyExtension.class)
class S3HttpAgainstS3ProxyTest {
    private static final byte[] CONTENT = "Hello, Linkdesk!".getBytes(StandardCharsets.UTF_8);

    private static S3ProxyServer s3;
    private static S3Endpoint endpoint;
    private static String bucket;
    private final S3Http client = new S3Http(Duration.ofSeconds(5), Duration.ofSeconds(10));

    @BeforeAll
    static void setUp(S3ProxyServer server) {
        s3 = server;
        endpoint = s3.s3Endpoint();
        bucket = s3.newBucket();
        s3.putObject(bucket, "docs/report 2024.txt", CONTENT, "text/plain; charset=utf-8",
                Map.of("Owner", "Ada", "project", "linkdesk"));
    }

    @Test
    void headObjectReportsSizeTypeEtagDateAndUserMetadata() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

        ObjectInfo info = client.headObject(endpoint, S3ProxyServer.credentials(), bucket, "docs/report 2024.txt");

        assertThat(info.bucket()).isEqualTo(bucket);
        assertThat(info.key()).isEqualTo("docs/report 2024.txt");
        assertThat(info.size()).isEqualTo(CONTENT.length);
        assertThat(info.contentType()).isEqualTo("text/plain;charset=utf-8");
        assertThat(info.etag()).isEqualTo(md5Hex(CONTENT));
        assertThat(info.lastModified()).isBetween(before, Instant.now().plusSeconds(60));
        assertThat(info.storageClass()).isEqualTo("STANDARD");
        assertThat(info.userMetadata()).containsOnly(Map.entry("owner", "Ada"), Map.entry("project", "linkdesk"));
    }

    @Test
    void headObjectRecordsTheServerDate() {
        client.headObject(endpoint, S3ProxyServer.credentials(), bucket, "docs/report 2024.txt");

        assertThat(client.lastServerDate()).hasValueSatisfying(date -> {
            assertThat(date.serverTime()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
            assertThat(date.skew().abs()).isLessThan(Duration.ofSeconds(5));
            assertThat(date.isSkewTooLarge()).isFalse();
        });
    }

    @Test
    void missingKeyIsNoSuchKey() {
        assertThatThrownBy(() -> client.headObject(endpoint, S3ProxyServer.credentials(), bucket, "docs/missing.txt"))
                .isInstanceOf(NoSuchKeyException.class)
                .hasMessage("No object \"docs/missing.txt\" in bucket " + bucket
                        + ". Check the key: it is case-sensitive and must match exactly.");
    }

    @Test
    void missingBucketIsNoSuchBucket() {
        assertThatThrownBy(() -> client.headObject(endpoint, S3ProxyServer.credentials(), "no-such-bucket-here", "a.txt"))
                .isInstanceOf(NoSuchBucketException.class)
                .hasMessageStartingWith("Bucket no-such-bucket-here does not exist");
        assertThatThrownBy(() -> client.headBucket(endpoint, S3ProxyServer.credentials(), "no-such-bucket-here"))
                .isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void wrongSecretIsAccessDeniedNamingTheSecret() {
        AwsCredentials wrongSecret = AwsCredentials.of(S3ProxyServer.ACCESS_KEY_ID, "not-the-secret");

        assertThatThrownBy(() -> client.headObject(endpoint, wrongSecret, bucket, "docs/report 2024.txt"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("the secret key does not match the access key id")
                .satisfies(e -> assertThat(((S3Exception) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> client.headBucket(endpoint, wrongSecret, bucket))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("the secret key does not match the access key id");
        assertThatThrownBy(() -> client.listBuckets(endpoint, wrongSecret))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("the secret key does not match the access key id");
    }

    @Test
    void unknownAccessKeyIdIsAccessDeniedNamingTheKeyId() {
        AwsCredentials stranger = AwsCredentials.of("AKIASTRANGER0000", S3ProxyServer.SECRET_ACCESS_KEY);

        assertThatThrownBy(() -> client.headObject(endpoint, stranger, bucket, "docs/report 2024.txt"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("does not know this access key id")
                .satisfies(e -> assertThat(((S3Exception) e).errorCode()).isEqualTo("InvalidAccessKeyId"));
    }

    @Test
    void clockAnHourFastIsAccessDeniedWithAClockMessage() {
        S3Http fastClock = new S3Http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(1)), Duration.ofSeconds(10));

        assertThatThrownBy(() -> fastClock.headObject(endpoint, S3ProxyServer.credentials(), bucket, "docs/report 2024.txt"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("your computer's clock is 60 minutes ahead of the server's");
        assertThat(fastClock.lastServerDate()).hasValueSatisfying(date -> assertThat(date.isSkewTooLarge()).isTrue());
    }

    @Test
    void headBucketAnswersWithTheRegion() {
        assertThat(client.headBucket(endpoint, S3ProxyServer.credentials(), bucket)).isEqualTo("us-east-1");
    }

    @Test
    void listBucketsNamesTheBucketsWithCreationDates() {
        String other = s3.newBucket();

        assertThat(client.listBuckets(endpoint, S3ProxyServer.credentials()))
                .extracting(BucketInfo::name)
                .contains(bucket, other);
        assertThat(client.listBuckets(endpoint, S3ProxyServer.credentials()))
                .filteredOn(b -> b.name().equals(other))
                .singleElement()
                .satisfies(b -> assertThat(b.creationDate()).isCloseTo(Instant.now(), within(60, ChronoUnit.SECONDS)));
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
