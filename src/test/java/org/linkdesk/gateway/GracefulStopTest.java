package org.linkdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.shares.SqlProtectedShareStore;
import org.linkdesk.store.Database;
import org.linkdesk.testing.S3ProxyServer;

/** Stopping the gateway refuses new connections but answers the request in flight. */
class GracefulStopTest {
    @TempDir
    Path dir;

    @Test
    void aRequestInFlightIsAnsweredWhileNewConnectionsAreRefused() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database database = Database.open(dir)) {
            ProtectedShareService shares = new ProtectedShareService(new SqlProtectedShareStore(database),
                    GatewayFixture.FAST_HASHER, Clock.systemUTC());
            ProtectedShare share = shares.create(new NewProtectedShare("t", "bucket", "a.txt", null, 1L,
                    Duration.ofHours(1), null, null, null));
            // The signer waits inside the handler: the request is surely in flight when the stop begins.
            DownloadSigner signer = new DownloadSigner(S3ProxyServer.shared().s3Endpoint(), () -> {
                entered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return S3ProxyServer.credentials();
            }, new SigV4Presigner());
            GatewayServer server = GatewayServer.start(shares, signer, GatewayConfig.loopback(0));
            int port = server.port();
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/s/" + share.id() + "/download")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            assertThat(refusedEventually(port)).as("new connections refused while stopping").isTrue();
            assertThat(inFlight).isNotDone();
            release.countDown();
            assertThat(inFlight.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(303);
            stopping.get(60, TimeUnit.SECONDS);
        }
    }

    private static boolean refusedEventually(int port) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                Thread.sleep(10);
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }
}
