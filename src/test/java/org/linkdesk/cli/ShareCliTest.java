package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.shares.DownloadOutcome;
import org.linkdesk.testing.S3ProxyServer;

/** {@code linkdesk share …} end to end on a real data directory, checking objects against S3Proxy. */
class ShareCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final S3ProxyServer s3 = S3ProxyServer.shared();
    @TempDir
    Path dataDir;
    private String bucket;

    @BeforeEach
    void putAnObject() {
        bucket = s3.newBucket();
        s3.putObject(bucket, "docs/report.pdf", "pdf bytes".getBytes(StandardCharsets.UTF_8), "application/pdf");
    }

    private CliRunner.Result run(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new CliRunner().env(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY, "AWS_ENDPOINT_URL_S3", s3.endpoint(),
                "AWS_REGION", S3ProxyServer.REGION)).stdin(stdin).run(all);
    }

    @Test
    void createListEditLogRevokePurge() throws Exception {
        CliRunner.Result noUrl = run("", "share", "create", "s3://" + bucket + "/docs/report.pdf");
        assertThat(noUrl.exitCode()).as(noUrl.toString()).isEqualTo(2);
        assertThat(noUrl.err()).contains("share config --public-url");

        CliRunner.Result cfg = run("", "share", "config", "--public-url", "https://share.example.com/");
        assertThat(cfg.out()).as(cfg.toString())
                .contains("https://share.example.com");
        CliRunner.Result created = run("pass word\n", "share", "create", "--json", "--expires", "3d",
                "--max-downloads", "5", "--password-stdin", "--note", "for Bob", "s3://" + bucket + "/docs/report.pdf");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        JsonNode json = JSON.readTree(created.out());
        String id = json.get("id").asText();
        assertThat(json.get("url").asText()).isEqualTo("https://share.example.com/s/" + id);
        assertThat(json.get("maxDownloads").asInt()).isEqualTo(5);
        assertThat(json.get("passwordProtected").asBoolean()).isTrue();
        assertThat(json.get("expiresAt").asText()).endsWith("Z");

        try (Services services = Services.open(dataDir)) {
            assertThat(services.protectedShares().download(id, "pass word".toCharArray(), "203.0.113.9", "curl/8"))
                    .isInstanceOf(DownloadOutcome.Granted.class);
            // The link is in the History too, tied to the share (what the History's Revoke and log use).
            var rows = new org.linkdesk.store.HistoryStore(services.database()).page(org.linkdesk.store.HistoryQuery
                    .NEWEST_FIRST.withTag(org.linkdesk.shares.ProtectedHistory.TAG), java.time.Instant.now(), 0, 5, -1);
            assertThat(rows).singleElement().satisfies(e -> assertThat(services.protectedHistory()
                    .forHistoryRow(e.id()).orElseThrow().id()).isEqualTo(id));
        }
        CliRunner.Result list = run("", "share", "list", "--json");
        JsonNode row = JSON.readTree(list.out()).get(0);
        assertThat(row.get("downloads").asInt()).isEqualTo(1);
        assertThat(row.get("maxDownloads").asInt()).isEqualTo(5);
        assertThat(row.get("status").asText()).isEqualTo("active");
        assertThat(row.get("lastDownloadAt").asText()).endsWith("Z");
        assertThat(row.get("owner").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(run("", "share", "list").out()).contains(id, "report.pdf", "1/5", "active, password");

        CliRunner.Result edited = run("", "share", "edit", id, "--max-downloads", "0", "--no-password", "--json");
        assertThat(edited.exitCode()).as(edited.toString()).isZero();
        assertThat(JSON.readTree(edited.out()).get("passwordProtected").asBoolean()).isFalse();
        assertThat(JSON.readTree(edited.out()).get("maxDownloads").isNull()).isTrue();

        JsonNode log = JSON.readTree(run("", "share", "log", id, "--json").out());
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("userAgent").asText()).isEqualTo("curl/8");
        assertThat(log.get(0).get("clientHash").asText()).hasSize(32).doesNotContain("203.0.113.9");

        assertThat(run("", "share", "revoke", id).out()).contains("Revoked");
        assertThat(JSON.readTree(run("", "share", "list", "--json").out()).get(0).get("status").asText())
                .isEqualTo("revoked");
        assertThat(run("", "share", "purge", "--expired").out()).contains("Purged 0");
        CliRunner.Result unknown = run("", "share", "revoke", "AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.errLines()).hasSize(1);
    }

    @Test
    void missingObjectAndBadInputAreOneLineErrors() {
        run("", "share", "config", "--public-url", "http://127.0.0.1:8080");
        CliRunner.Result missing = run("", "share", "create", "s3://" + bucket + "/nope.txt");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(3);
        assertThat(missing.errLines()).hasSize(1);
        CliRunner.Result tooLong = run("", "share", "create", "--expires", "500d", "s3://" + bucket + "/docs/report.pdf");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("365 days");
        assertThat(run("", "share", "list").out()).contains("No protected links yet");
    }
}
