package org.linkdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ShareIds;
import org.linkdesk.testing.S3ProxyServer;

/** Exact counting under concurrency, guessing limits, and id unguessability. */
class GatewayLimitsTest {
    @TempDir
    static Path dir;
    static GatewayFixture gateway;
    static String bucket;

    @BeforeAll
    static void start() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        bucket = s3.newBucket();
        s3.putObject(bucket, "file.bin", new byte[] {1, 2, 3}, "application/octet-stream");
        // Refill once an hour: the test sees the limit without depending on how fast it runs.
        gateway = new GatewayFixture(dir, s3, new RateLimits(5, Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void thousandConcurrentDownloadsOfAShareLimitedToTenRedirectExactlyTen() {
        ProtectedShare share = gateway.share(bucket, "file.bin", 3, 10, null);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.base() + "/s/" + share.id() + "/download"))
                .timeout(Duration.ofSeconds(120)).GET().build();
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode));
        }
        Map<Integer, Long> byStatus = answers.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(303, 410).containsEntry(303, 10L).containsEntry(410, 990L);
        assertThat(gateway.shares.find(share.id()).orElseThrow().downloads()).isEqualTo(10);
        assertThat(gateway.shares.downloads(share.id())).hasSize(10);
    }

    @Test
    void passwordGuessesAreLimitedPerShareWithRetryAfter() {
        ProtectedShare share = gateway.share(bucket, "file.bin", 3, null, "right");
        for (int i = 0; i < 5; i++) {
            assertThat(gateway.download(share.id(), "wrong " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = gateway.download(share.id(), "right");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.body()).contains("Too many attempts");
        assertThat(gateway.shares.find(share.id()).orElseThrow().downloads()).isZero();
        // Unknown ids from the same address are limited too: the address's bucket is empty now.
        assertThat(gateway.get("/s/" + ShareIds.next() + "/download").statusCode()).isEqualTo(429);
    }

    @Test
    void idsAre128RandomBitsInBase64Url() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ShareIds.next();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]{22}");
            assertThat(java.util.Base64.getUrlDecoder().decode(id)).hasSize(16);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
        // Every position uses the whole alphabet (the last holds 2 bits: 4 values), but the first never '-': a
        // command line would take such an id for an option.
        for (int pos = 0; pos < 21; pos++) {
            int p = pos;
            assertThat(seen.stream().map(id -> id.charAt(p)).distinct().count()).as("position " + pos)
                    .isEqualTo(pos == 0 ? 63 : 64);
        }
        assertThat(seen).noneMatch(id -> id.startsWith("-"));
        assertThat(ShareIds.isWellFormed("../../etc/passwd")).isFalse();
    }
}
