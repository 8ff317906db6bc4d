package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.testing.S3ProxyServer;

/** The command line against a real S3 server (S3Proxy on 127.0.0.1) and a real data directory. */
class CliEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String KEY = "docs/hello world+1.txt";
    private static final String BODY = "hello from linkdesk";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final S3ProxyServer s3 = S3ProxyServer.shared();
    @TempDir
    Path dataDir;
    private String bucket;

    @BeforeEach
    void putAnObject() {
        bucket = s3.newBucket();
        s3.putObject(bucket, KEY, BODY.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private Map<String, String> awsEnv() {
        return Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY,
                "AWS_ENDPOINT_URL_S3", s3.endpoint(),
                "AWS_REGION", S3ProxyServer.REGION);
    }

    private CliRunner cli() {
        return new CliRunner().env(awsEnv());
    }

    private String object() {
        return "s3://" + bucket + "/" + KEY;
    }

    private void createProfile(String name) {
        try (Services services = Services.open(dataDir)) {
            if (!services.vault().isCreated()) {
                services.vault().create(PASSWORD.toCharArray());
            }
            services.vault().unlock(PASSWORD.toCharArray());
            services.profiles().create(new ProfileDraft(name, S3ProxyServer.ACCESS_KEY_ID,
                    S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, s3.endpoint(), true));
        }
    }

    private void createVault() {
        try (Services services = Services.open(dataDir)) {
            services.vault().create(PASSWORD.toCharArray());
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void presignWithEnvironmentCredentialsPrintsAUrlThatGetsTheObject() throws Exception {
        CliRunner.Result r = cli().run("presign", "--data-dir", dataDir.toString(), object());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).startsWith(s3.endpoint() + "/" + bucket + "/docs/hello%20world%2B1.txt?")
                .contains("X-Amz-Expires=3600");
        HttpResponse<String> response = get(lines[0]);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BODY);
    }

    @Test
    void presignJsonDescribesEachLink() throws Exception {
        s3.putObject(bucket, "/leading-slash", "x".getBytes(StandardCharsets.UTF_8), "text/plain");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        CliRunner.Result r = cli().run("presign", "--json", "--expires", "2h", "--download-name", "Grüße.txt",
                "--note", "for Ann", object(), "s3://" + bucket + "//leading-slash", "--data-dir", dataDir.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode links = JSON.readTree(r.out());
        assertThat(links.isArray()).isTrue();
        assertThat(links).hasSize(2);
        JsonNode first = links.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("url", "method", "bucket", "key", "expiresAt",
                "effectiveExpiresAt", "expiryLimitedBy", "signedHeaders", "shareId");
        assertThat(first.get("method").asText()).isEqualTo("GET");
        assertThat(first.get("bucket").asText()).isEqualTo(bucket);
        assertThat(first.get("key").asText()).isEqualTo(KEY);
        assertThat(first.get("expiryLimitedBy").asText()).isEqualTo("REQUESTED");
        assertThat(first.get("signedHeaders").isObject()).isTrue();
        assertThat(first.get("signedHeaders")).isEmpty();
        assertThat(first.get("shareId").isIntegralNumber()).isTrue();
        Instant expiresAt = Instant.parse(first.get("expiresAt").asText());
        assertThat(expiresAt).isBetween(before.plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(2)));
        assertThat(first.get("effectiveExpiresAt").asText()).isEqualTo(first.get("expiresAt").asText());
        assertThat(links.get(1).get("key").asText()).isEqualTo("/leading-slash");
        assertThat(links.get(1).get("shareId").asLong()).isNotEqualTo(first.get("shareId").asLong());

        HttpResponse<String> response = get(first.get("url").asText());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString()
                .contains("attachment", "filename*=UTF-8''Gr%C3%BC%C3%9Fe.txt");
        assertThat(get(links.get(1).get("url").asText()).body()).isEqualTo("x");
    }

    @Test
    void presignPutWithContentTypeLetsTheHolderUpload() throws Exception {
        CliRunner.Result r = cli().run("--data-dir", dataDir.toString(), "presign", "--method", "PUT",
                "--content-type", "text/csv", "--json", "s3://" + bucket + "/uploads/data.csv");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode link = JSON.readTree(r.out()).get(0);
        assertThat(link.get("method").asText()).isEqualTo("PUT");
        assertThat(link.get("signedHeaders").get("Content-Type").asText()).isEqualTo("text/csv");
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(link.get("url").asText()))
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(new String(s3.getObject(bucket, "uploads/data.csv").orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo("a,b\n1,2\n");

        CliRunner.Result text = cli().run("--data-dir", dataDir.toString(), "presign", "--method", "put",
                "--content-type", "text/csv", "s3://" + bucket + "/uploads/other.csv");
        assertThat(text.out().split("\\R")).hasSize(1);
        assertThat(text.err()).isEqualTo("linkdesk: note: whoever uses the link must send the header "
                + "Content-Type: text/csv\n");
    }

    @Test
    void presignWithAProfileUnlocksTheVaultWithThePassword() throws Exception {
        createProfile("local");
        String dir = dataDir.toString();
        CliRunner noAws = new CliRunner();

        CliRunner.Result withEnv = noAws.env("LINKDESK_PASSWORD", PASSWORD)
                .run("presign", "--profile", "local", "--data-dir", dir, object());
        CliRunner.Result withStdin = new CliRunner().stdin(PASSWORD + "\nignored\n")
                .run("presign", "--profile", "local", "--password-stdin", "--data-dir", dir, object());
        CliRunner.Result withoutPassword = new CliRunner()
                .run("presign", "--profile", "local", "--data-dir", dir, object());
        CliRunner.Result wrongPassword = new CliRunner().env("LINKDESK_PASSWORD", "nope")
                .run("presign", "--profile", "local", "--data-dir", dir, object());
        CliRunner.Result emptyStdin = new CliRunner()
                .run("presign", "--profile", "local", "--password-stdin", "--data-dir", dir, object());
        CliRunner.Result unknownProfile = new CliRunner().env("LINKDESK_PASSWORD", PASSWORD)
                .run("presign", "--profile", "nobody", "--data-dir", dir, object());

        assertThat(withEnv.exitCode()).as(withEnv.toString()).isZero();
        assertThat(get(withEnv.out().strip()).body()).isEqualTo(BODY);
        assertThat(withStdin.exitCode()).as(withStdin.toString()).isZero();
        assertThat(get(withStdin.out().strip()).body()).isEqualTo(BODY);
        assertThat(withoutPassword.exitCode()).isEqualTo(2);
        assertThat(withoutPassword.err())
                .isEqualTo("linkdesk: Set LINKDESK_PASSWORD or pass --password-stdin to unlock your profiles.\n");
        assertThat(wrongPassword.exitCode()).isEqualTo(2);
        assertThat(wrongPassword.errLines()).containsExactly(
                "linkdesk: That master password is not correct. Nothing was changed; try again.");
        assertThat(emptyStdin.exitCode()).isEqualTo(2);
        assertThat(emptyStdin.err()).contains("--password-stdin");
        assertThat(unknownProfile.exitCode()).isEqualTo(3);
        assertThat(unknownProfile.err()).contains("no profile named \"nobody\"");
    }

    @Test
    void historyListsTheLinksNewestFirstWithUrlsOnlyWhenUnlocked() throws Exception {
        createVault();
        String dir = dataDir.toString();
        String firstUrl = cli().run("presign", "--data-dir", dir, object()).out().strip();
        String secondUrl = cli().run("presign", "--data-dir", dir, "--method", "DELETE", "--expires", "15m",
                "s3://" + bucket + "/old.txt").out().strip();

        CliRunner.Result locked = new CliRunner().run("history", "--json", "--data-dir", dir);
        CliRunner.Result unlocked = new CliRunner().env("LINKDESK_PASSWORD", PASSWORD)
                .run("history", "--json", "--data-dir", dir);
        CliRunner.Result limited = new CliRunner().run("history", "--json", "--limit", "1", "--data-dir", dir);
        CliRunner.Result table = new CliRunner().run("--data-dir", dir, "history");

        assertThat(locked.exitCode()).as(locked.toString()).isZero();
        JsonNode lockedLinks = JSON.readTree(locked.out());
        assertThat(lockedLinks).hasSize(2);
        JsonNode newest = lockedLinks.get(0);
        assertThat(newest.fieldNames()).toIterable().startsWith("id", "createdAt", "profile", "bucket", "key",
                "method", "expiresAt", "status", "url");
        assertThat(newest.get("method").asText()).isEqualTo("DELETE");
        assertThat(newest.get("key").asText()).isEqualTo("old.txt");
        assertThat(newest.get("profile").asText()).isEqualTo("environment");
        assertThat(newest.get("status").asText()).isEqualTo("EXPIRING");
        assertThat(newest.get("url").isNull()).isTrue();
        assertThat(lockedLinks.get(1).get("key").asText()).isEqualTo(KEY);
        assertThat(lockedLinks.get(1).get("url").isNull()).isTrue();
        assertThat(locked.out()).doesNotContain("X-Amz-Signature");

        JsonNode unlockedLinks = JSON.readTree(unlocked.out());
        assertThat(unlockedLinks.get(0).get("url").asText()).isEqualTo(secondUrl);
        assertThat(unlockedLinks.get(1).get("url").asText()).isEqualTo(firstUrl);
        assertThat(JSON.readTree(limited.out())).hasSize(1);

        assertThat(table.exitCode()).isZero();
        String[] rows = table.out().split("\\R");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).startsWith("CREATED").contains("PROFILE", "BUCKET/KEY", "METHOD", "EXPIRES", "STATUS");
        assertThat(rows[1]).contains("environment", bucket + "/old.txt", "DELETE", "Expiring soon");
        assertThat(rows[2]).contains(bucket + "/" + KEY, "GET");
        assertThat(table.out()).doesNotContain("http");
    }

    @Test
    void emptyHistoryAndProfilesSaySo() throws Exception {
        CliRunner.Result history = new CliRunner().run("history", "--data-dir", dataDir.toString());
        CliRunner.Result historyJson = new CliRunner().run("history", "--json", "--data-dir", dataDir.toString());
        CliRunner.Result profiles = new CliRunner().run("profiles", "--data-dir", dataDir.toString());

        assertThat(history.exitCode()).as(history.toString()).isZero();
        assertThat(history.out()).isEqualTo("No links in the history yet.\n");
        assertThat(JSON.readTree(historyJson.out())).isEmpty();
        assertThat(profiles.out()).startsWith("No profiles yet");
    }

    @Test
    void profilesListsNamesKeysRegionsAndEndpointsWithoutAPassword() throws Exception {
        createProfile("local");

        CliRunner.Result table = new CliRunner().run("profiles", "--data-dir", dataDir.toString());
        CliRunner.Result json = new CliRunner().run("profiles", "--json", "--data-dir", dataDir.toString());

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("NAME", "ACCESS KEY ID", "REGION", "ENDPOINT", "local",
                S3ProxyServer.ACCESS_KEY_ID, "us-east-1", s3.endpoint()).doesNotContain(S3ProxyServer.SECRET_ACCESS_KEY);
        JsonNode profile = JSON.readTree(json.out()).get(0);
        assertThat(profile.get("name").asText()).isEqualTo("local");
        assertThat(profile.get("accessKeyId").asText()).isEqualTo(S3ProxyServer.ACCESS_KEY_ID);
        assertThat(profile.get("region").asText()).isEqualTo("us-east-1");
        assertThat(profile.get("endpoint").asText()).isEqualTo(s3.endpoint());
    }

    @Test
    void verifyShowsSizeTypeDateAndEtag() throws Exception {
        CliRunner.Result text = cli().run("verify", object(), "--data-dir", dataDir.toString());
        CliRunner.Result json = cli().run("verify", "--json", object(), "--data-dir", dataDir.toString());

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains(object(), "Size:", BODY.length() + " bytes", "Content type:", "text/plain",
                "Last modified:", "ETag:");
        JsonNode info = JSON.readTree(json.out());
        assertThat(info.get("size").asLong()).isEqualTo(BODY.length());
        assertThat(info.get("contentType").asText()).startsWith("text/plain");
        assertThat(info.get("etag").asText()).isNotBlank();
        assertThat(Instant.parse(info.get("lastModified").asText())).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void verifyWithAProfile() {
        createProfile("local");

        CliRunner.Result r = new CliRunner().stdin(PASSWORD + "\n")
                .run("verify", "--profile", "local", "--password-stdin", object(), "--data-dir", dataDir.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(BODY.length() + " bytes");
    }

    @Test
    void verifyExitCodesTellWhatWentWrong() throws IOException {
        String dir = dataDir.toString();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRunner.Result missingKey = cli().run("verify", "s3://" + bucket + "/nope.txt", "--data-dir", dir);
        CliRunner.Result missingBucket = cli().run("verify", "s3://no-such-bucket-here/x", "--data-dir", dir);
        CliRunner.Result wrongSecret = cli().env("AWS_SECRET_ACCESS_KEY", "wrong-secret")
                .run("verify", object(), "--data-dir", dir);
        CliRunner.Result closed = cli().env("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + closedPort)
                .run("verify", object(), "--data-dir", dir);
        CliRunner.Result badBucket = cli().run("verify", "s3://x/key", "--data-dir", dir);

        assertThat(missingKey.exitCode()).as(missingKey.toString()).isEqualTo(3);
        assertThat(missingKey.errLines()).hasSize(1);
        assertThat(missingKey.err()).startsWith("linkdesk: ").contains("nope.txt");
        assertThat(missingBucket.exitCode()).as(missingBucket.toString()).isEqualTo(3);
        assertThat(wrongSecret.exitCode()).as(wrongSecret.toString()).isEqualTo(4);
        assertThat(wrongSecret.errLines()).hasSize(1);
        assertThat(wrongSecret.err()).doesNotContain("wrong-secret");
        assertThat(closed.exitCode()).as(closed.toString()).isEqualTo(5);
        assertThat(closed.errLines()).hasSize(1);
        assertThat(badBucket.exitCode()).isEqualTo(2);
        assertThat(badBucket.err()).contains("not a valid bucket name");
    }

    @Test
    void warnsWhenTheCredentialsExpireBeforeTheLink() throws Exception {
        Instant credentialsExpire = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);

        CliRunner.Result r = cli().env("AWS_CREDENTIAL_EXPIRATION", credentialsExpire.toString())
                .run("presign", "--json", "--expires", "2h", object(), "--data-dir", dataDir.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).containsExactly("linkdesk: warning: the link for " + object() + " expires at "
                + credentialsExpire + ", sooner than asked: The session token expires "
                + ExpiryExplanationTestAccess.when(credentialsExpire) + ", so this link dies then.");
        JsonNode link = JSON.readTree(r.out()).get(0);
        assertThat(link.get("expiryLimitedBy").asText()).isEqualTo("CREDENTIALS");
        assertThat(Instant.parse(link.get("effectiveExpiresAt").asText())).isEqualTo(credentialsExpire);
        assertThat(Instant.parse(link.get("expiresAt").asText())).isAfter(credentialsExpire.plus(Duration.ofMinutes(89)));
        assertThat(get(link.get("url").asText()).body()).isEqualTo(BODY);
    }

    @Test
    void dataDirAfterTheSubcommandNameUsesThatDirectory() throws Exception {
        cli().run("--data-dir", dataDir.toString(), "presign", object());

        CliRunner.Result after = new CliRunner().run("history", "--json", "--data-dir", dataDir.toString());

        assertThat(JSON.readTree(after.out())).hasSize(1);
    }
}
