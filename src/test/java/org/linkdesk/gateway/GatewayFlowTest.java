package org.linkdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.shares.DownloadRecord;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ShareIds;
import org.linkdesk.testing.S3ProxyServer;

/** The whole protected-link flow against S3Proxy: page, password, redirect, bytes, limit, revoke, log, headers. */
class GatewayFlowTest {
    @TempDir
    static Path dir;
    static GatewayFixture gateway;
    static String bucket;

    @BeforeAll
    static void start() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        bucket = s3.newBucket();
        gateway = new GatewayFixture(dir, s3, new RateLimits(10, Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void passwordLimitRevokeAndLog() {
        byte[] content = "quarterly numbers \u00e9\u00e8".getBytes(StandardCharsets.UTF_8);
        gateway.s3.putObject(bucket, "reports/Q1 résumé.pdf", content, "application/pdf");
        ProtectedShare share = gateway.share(bucket, "reports/Q1 résumé.pdf", content.length, 2, "s3cret pass");

        HttpResponse<String> page = gateway.get("/s/" + share.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Q1 résumé.pdf", "type=\"password\"", "2 of 2")
                .doesNotContain(bucket, "reports/");

        HttpResponse<String> wrong = gateway.download(share.id(), "not it");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("That password is not right").doesNotContain(bucket);
        assertThat(gateway.download(share.id(), null).statusCode()).isEqualTo(401);

        HttpResponse<String> right = gateway.download(share.id(), "s3cret pass");
        assertThat(right.statusCode()).isEqualTo(303);
        String location = right.headers().firstValue("Location").orElseThrow();
        String query = URLDecoder.decode(URI.create(location).getRawQuery(), StandardCharsets.UTF_8);
        assertThat(query).contains("X-Amz-Expires=60", "response-cache-control=no-store",
                "response-content-disposition=attachment; filename=\"Q1 r_sum_.pdf\"; filename*=UTF-8''Q1%20r%C3%A9sum%C3%A9.pdf");
        assertThat(gateway.fetch(location)).isEqualTo(content);

        assertThat(gateway.download(share.id(), "s3cret pass").statusCode()).isEqualTo(303);
        HttpResponse<String> usedUp = gateway.download(share.id(), "s3cret pass");
        assertThat(usedUp.statusCode()).isEqualTo(410);
        assertThat(gateway.get("/s/" + share.id()).statusCode()).isEqualTo(410);

        gateway.shares.edit(share.id(), new org.linkdesk.shares.ShareChanges(null, 5, null, null));
        assertThat(gateway.download(share.id(), "s3cret pass").statusCode()).isEqualTo(303);
        gateway.shares.revoke(share.id());
        HttpResponse<String> revoked = gateway.download(share.id(), "s3cret pass");
        assertThat(revoked.statusCode()).isEqualTo(410);
        assertThat(revoked.body()).contains("Link revoked");

        assertThat(gateway.shares.downloads(share.id())).hasSize(3)
                .allSatisfy(d -> {
                    assertThat(d.userAgent()).isEqualTo("GatewayTest/1.0");
                    assertThat(d.ipHash()).hasSize(32).doesNotContain("127.0.0.1");
                }).extracting(DownloadRecord::ipHash).containsOnly(gateway.shares.downloads(share.id()).get(0).ipHash());
        assertThat(gateway.shares.find(share.id()).orElseThrow().downloads()).isEqualTo(3);
    }

    @Test
    void directGetForSharesWithoutPasswordAndNotForProtectedOnes() {
        gateway.s3.putObject(bucket, "open.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
        ProtectedShare open = gateway.share(bucket, "open.txt", 5, null, null);
        HttpResponse<String> direct = gateway.get("/s/" + open.id() + "/download");
        assertThat(direct.statusCode()).isEqualTo(303);
        assertThat(gateway.fetch(direct.headers().firstValue("Location").orElseThrow())).asString().isEqualTo("hello");

        ProtectedShare locked = gateway.share(bucket, "open.txt", 5, null, "pw");
        HttpResponse<String> refused = gateway.get("/s/" + locked.id() + "/download");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(gateway.shares.find(locked.id()).orElseThrow().downloads()).isZero();
        assertThat(gateway.get("/s/" + open.id()).statusCode()).isEqualTo(200);
        assertThat(gateway.shares.find(open.id()).orElseThrow().downloads()).as("the page never counts").isEqualTo(1);
    }

    @Test
    void unknownIdsAndStaleForms() {
        String unknown = ShareIds.next();
        assertThat(gateway.get("/s/" + unknown).statusCode()).isEqualTo(404);
        assertThat(gateway.get("/s/" + unknown + "/download").statusCode()).isEqualTo(404);
        assertThat(gateway.get("/s/not-an-id").statusCode()).isEqualTo(404);
        assertThat(gateway.get("/nothing/here").statusCode()).isEqualTo(404);
        gateway.s3.putObject(bucket, "form.txt", new byte[] {1}, "text/plain");
        ProtectedShare share = gateway.share(bucket, "form.txt", 1, null, null);
        assertThat(gateway.post("/s/" + share.id() + "/download", null, Map.of("csrf", "x".repeat(43))).statusCode())
                .as("no cookie").isEqualTo(403);
        assertThat(gateway.post("/s/" + share.id() + "/download", "linkdesk_csrf=" + "a".repeat(43),
                Map.of("csrf", "b".repeat(43))).statusCode()).as("cookie and field differ").isEqualTo(403);
        assertThat(gateway.shares.find(share.id()).orElseThrow().downloads()).isZero();
    }

    @Test
    void securityHeadersOnEveryAnswer() {
        gateway.s3.putObject(bucket, "h.txt", new byte[] {1}, "text/plain");
        ProtectedShare share = gateway.share(bucket, "h.txt", 1, null, null);
        for (HttpResponse<String> r : new HttpResponse[] {gateway.get("/s/" + share.id()),
                gateway.get("/s/" + ShareIds.next()), gateway.get("/healthz"),
                gateway.get("/s/" + share.id() + "/download")}) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; "
                    + "style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("Server")).isEmpty();
        }
        HttpResponse<String> page = gateway.get("/s/" + share.id());
        assertThat(page.body()).doesNotContain("<script", "style=");
        assertThat(page.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly", "SameSite=Strict", "Path=/s/");
        HttpResponse<String> health = gateway.get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(gateway.get("/assets/gateway.css").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/css");
    }

    @Test
    void namesAreEscaped() {
        String key = "x/<script>alert('hi')<\\script>&\".txt";
        gateway.s3.putObject(bucket, key, new byte[] {1}, "text/plain");
        ProtectedShare share = gateway.share(bucket, key, 1, null, null);
        String body = gateway.get("/s/" + share.id()).body();
        assertThat(body).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;\\script&gt;&amp;&quot;.txt");
    }
}
