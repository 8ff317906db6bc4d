package org.linkdesk.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.PasswordHasher;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.shares.SqlProtectedShareStore;
import org.linkdesk.store.Database;
import org.linkdesk.testing.S3ProxyServer;

/** A gateway on a free loopback port over a fresh database, signing for the shared S3Proxy; plus an HTTP client. */
final class GatewayFixture implements AutoCloseable {
    /** Cheap Argon2id parameters: the tests check behaviour, not cost. */
    static final PasswordHasher FAST_HASHER = new PasswordHasher(1024, 1, 1);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final S3ProxyServer s3;
    final Database database;
    final ProtectedShareService shares;
    final GatewayServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    GatewayFixture(Path dir, S3ProxyServer s3, RateLimits limits) {
        this.s3 = s3;
        this.database = Database.open(dir);
        this.shares = new ProtectedShareService(new SqlProtectedShareStore(database), FAST_HASHER, Clock.systemUTC());
        shares.setPublicUrl("http://127.0.0.1:1");
        DownloadSigner signer = new DownloadSigner(s3.s3Endpoint(), S3ProxyServer::credentials, new SigV4Presigner());
        this.server = GatewayServer.start(shares, signer, new GatewayConfig("127.0.0.1", 0, false, false, limits,
                Duration.ofSeconds(60)));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    ProtectedShare share(String bucket, String key, long size, Integer max, String password) {
        return shares.create(new NewProtectedShare("tester", bucket, key, null, size, Duration.ofDays(1), max,
                password == null ? null : password.toCharArray(), null));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    /** The landing page, then its form posted back with the page's CSRF token and cookie. */
    HttpResponse<String> download(String id, String password) {
        HttpResponse<String> page = get("/s/" + id);
        Matcher m = CSRF.matcher(page.body());
        String token;
        String cookie;
        if (m.find()) {
            token = m.group(1);
            cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        } else {
            // A page that is gone has no form; a browser would still hold the token from before.
            token = "t".repeat(43);
            cookie = "linkdesk_csrf=" + token;
        }
        return post("/s/" + id + "/download", cookie, password == null ? Map.of("csrf", token)
                : Map.of("csrf", token, "password", password));
    }

    HttpResponse<String> post(String path, String cookie, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "GatewayTest/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    byte[] fetch(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
