package org.linkdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.shares.DownloadRecord;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ShareState;
import org.linkdesk.team.TeamConnection;
import org.linkdesk.team.TeamDatabase;
import org.linkdesk.team.TeamDatabaseException;
import org.linkdesk.team.TeamProtectedShares;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.testing.TeamOutboxStandIn;
import org.linkdesk.wiring.Services;

/**
 * Team mode: two gateways (each its own server and connection pool) and two desktops' services on one PostgreSQL
 * database. Counts stay exact across gateways, a revocation on one desktop stops the link on the other gateway at
 * the next request, and the download log holds the downloads of both.
 */
class TeamGatewaysTest {
    private static final byte[] CONTENT = {7, 8, 9};
    @TempDir
    static Path dir;
    static PostgresCluster.Login login;
    static String bucket;
    static Gateway gatewayA;
    static Gateway gatewayB;
    static Desktop alice;
    static Desktop bob;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();

    record Gateway(TeamDatabase database, GatewayServer server) {
        String base() {
            return "http://127.0.0.1:" + server.port();
        }
    }

    record Desktop(Services services, TeamProtectedShares team, ProtectedHistory history) {
    }

    @BeforeAll
    static void start() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        bucket = s3.newBucket();
        s3.putObject(bucket, "file.bin", CONTENT, "application/octet-stream");
        login = PostgresCluster.shared().newDatabase();
        alice = desktop("alice");
        bob = desktop("bob");
        alice.services().protectedShares().setPublicUrl("https://share.example.com");
        gatewayA = gateway(s3);
        gatewayB = gateway(s3);
    }

    private static TeamDatabase pool(int size) {
        return TeamDatabase.open(new TeamConnection(login.url(), login.user(), login.password()), size);
    }

    private static Desktop desktop(String name) {
        Services services = Services.open(dir.resolve(name));
        TeamProtectedShares team = new TeamProtectedShares(pool(2), GatewayFixture.FAST_HASHER, Clock.systemUTC());
        services.useTeamProtectedShares(team);
        ProtectedHistory history = team.history(TeamOutboxStandIn.rows(services.shares(), services.database(),
                team.database(), name));
        return new Desktop(services, team, history);
    }

    /** As `linkdesk serve --database …` wires it: shares from the team database, credentials from this machine. */
    private static Gateway gateway(S3ProxyServer s3) {
        TeamDatabase database = pool(8);
        TeamProtectedShares team = new TeamProtectedShares(database, GatewayFixture.FAST_HASHER, Clock.systemUTC());
        DownloadSigner signer = new DownloadSigner(s3.s3Endpoint(), S3ProxyServer::credentials, new SigV4Presigner());
        GatewayServer server = GatewayServer.start(team.service(), signer, new GatewayConfig("127.0.0.1", 0, false,
                false, RateLimits.DEFAULT, Duration.ofSeconds(60)));
        return new Gateway(database, server);
    }

    @AfterAll
    static void stop() {
        for (Gateway g : new Gateway[] {gatewayA, gatewayB}) {
            if (g != null) {
                g.server().close();
                g.database().close();
            }
        }
        for (Desktop d : new Desktop[] {alice, bob}) {
            if (d != null) {
                d.services().close();
            }
        }
    }

    private static ProtectedHistory.Recorded make(Desktop desktop, Integer maxDownloads) {
        return desktop.history().create(new NewProtectedShare("alice", bucket, "file.bin", null, (long) CONTENT.length,
                Duration.ofDays(1), maxDownloads, null, null), null, null);
    }

    private static HttpRequest downloadRequest(Gateway gateway, String id, String agent) {
        return HttpRequest.newBuilder(URI.create(gateway.base() + "/s/" + id + "/download"))
                .header("User-Agent", agent).timeout(Duration.ofSeconds(120)).GET().build();
    }

    /** {@code total} downloads at once, alternating between the gateways; answers counted by status. */
    private static Map<Integer, Long> downloadAtOnce(String id, int total) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            HttpRequest request = i % 2 == 0 ? downloadRequest(gatewayA, id, "via-A") : downloadRequest(gatewayB, id,
                    "via-B");
            answers.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode));
        }
        return answers.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    private static HttpResponse<String> download(Gateway gateway, String id) throws Exception {
        return HTTP.send(downloadRequest(gateway, id, "one"), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thousandConcurrentDownloadsAcrossTwoGatewaysCountExactlyTheLimit() {
        String id = make(alice, 37).share().id();

        assertThat(downloadAtOnce(id, 1000)).containsOnlyKeys(303, 410).containsEntry(303, 37L)
                .containsEntry(410, 963L);
        assertThat(bob.services().protectedShares().find(id).orElseThrow().downloads()).isEqualTo(37);
        assertThat(bob.services().protectedShares().downloads(id)).hasSize(37);
    }

    @Test
    void thousandConcurrentDownloadsOfAnUnlimitedShareAreAllCountedAndLoggedFromBothGateways() {
        String id = make(bob, null).share().id();

        assertThat(downloadAtOnce(id, 1000)).containsOnly(Map.entry(303, 1000L));
        assertThat(alice.services().protectedShares().find(id).orElseThrow().downloads()).isEqualTo(1000);
        List<DownloadRecord> log = alice.services().protectedShares().downloads(id);
        assertThat(log.stream().collect(Collectors.groupingBy(DownloadRecord::userAgent, Collectors.counting())))
                .containsOnly(Map.entry("via-A", 500L), Map.entry("via-B", 500L));
        // Both gateways hash the same address alike: they agreed on one salt although they started together.
        assertThat(log.stream().map(DownloadRecord::ipHash).distinct()).hasSize(1);
    }

    @Test
    void revokingOnOneDesktopStopsTheLinkOnTheOtherGatewayAtTheNextRequest() throws Exception {
        ProtectedHistory.Recorded made = make(alice, null);
        String id = made.share().id();
        HttpResponse<String> first = download(gatewayB, id);
        assertThat(first.statusCode()).isEqualTo(303);
        // The redirect is signed with the gateway machine's own credentials and fetches the object.
        byte[] body = HTTP.send(HttpRequest.newBuilder(URI.create(first.headers().firstValue("Location")
                .orElseThrow())).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(body).isEqualTo(CONTENT);

        // The History row arrived in the team database; its tie to the share was made there when it did.
        long teamRow = teamHistoryId(made.uid());
        assertThat(alice.history().forHistoryRow(teamRow)).hasValue(alice.services().protectedShares().find(id)
                .orElseThrow());
        alice.history().revoke(teamRow);

        assertThat(download(gatewayB, id).statusCode()).isEqualTo(410);
        assertThat(download(gatewayA, id).statusCode()).isEqualTo(410);
        ProtectedShare seenByBob = bob.services().protectedShares().find(id).orElseThrow();
        assertThat(seenByBob.state(seenByBob.revokedAt().plusSeconds(1))).isEqualTo(ShareState.REVOKED);
        assertThat(seenByBob.downloads()).isEqualTo(1);
        assertThat(bob.history().downloads(teamRow)).singleElement()
                .satisfies(d -> assertThat(d.userAgent()).isEqualTo("one"));
    }

    @Test
    void aShareReadsBackOnTheOtherDesktopExactlyAsItWasMade() {
        ProtectedShare made = make(alice, 5).share();
        // Times in whole microseconds, as TIMESTAMPTZ keeps them.
        assertThat(bob.services().protectedShares().find(made.id())).hasValue(made);
        assertThat(bob.services().protectedShares().list(null)).contains(made);
    }

    @Test
    void whileTheTeamDatabaseIsDownGatewaysAnswer503AndDesktopsSaySoThenBothRecover() throws Exception {
        String id = make(alice, null).share().id();
        PostgresCluster cluster = PostgresCluster.shared();
        cluster.stop();
        try {
            HttpResponse<String> down = download(gatewayA, id);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).doesNotContain("postgresql", "Exception");
            assertThatThrownBy(() -> make(bob, null)).isInstanceOf(TeamDatabaseException.class)
                    .hasMessageContaining("cannot be reached, and protected links live there");
        } finally {
            cluster.restart();
        }
        // Recovery is by itself but not instant: a pooled session the stop ended, or a server still starting,
        // answers 503 first. A refused download counts nothing, so each gateway is asked until it answers.
        assertThat(downloadOnceBack(gatewayA, id)).isEqualTo(303);
        assertThat(downloadOnceBack(gatewayB, id)).isEqualTo(303);
        assertThat(bob.services().protectedShares().find(id).orElseThrow().downloads()).isEqualTo(2);
    }

    private static int downloadOnceBack(Gateway gateway, String id) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        int status = download(gateway, id).statusCode();
        while (status == 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = download(gateway, id).statusCode();
        }
        return status;
    }

    private static long teamHistoryId(UUID uid) {
        return gatewayA.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM share WHERE uid = ?")) {
                ps.setObject(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("history row in the team database").isTrue();
                    return rs.getLong(1);
                }
            }
        });
    }
}
