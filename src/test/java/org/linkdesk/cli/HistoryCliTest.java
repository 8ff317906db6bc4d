package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.testing.S3ProxyServer;

/** {@code linkdesk history} with search and filters, export, import, purge and recheck. */
class HistoryCliTest {
    private static final String PASSWORD = "history cli password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final S3ProxyServer s3 = S3ProxyServer.shared();
    @TempDir
    Path dataDir;
    private String bucket;

    @BeforeEach
    void seed() {
        bucket = s3.newBucket();
        try (Services services = Services.open(dataDir)) {
            services.vault().create(PASSWORD.toCharArray());
            Profile p = services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                    S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, s3.endpoint(), true));
            SigningIdentity id = SigningIdentity.of(p, services.profiles().credentials(p));
            for (String key : List.of("invoices/März 2026.pdf", "photos/海.jpg", "gone.txt")) {
                s3.putObject(bucket, key, key.getBytes(StandardCharsets.UTF_8), "text/plain");
                services.links().generate(id, bucket, key, LinkOptions.get(Duration.ofHours(30)),
                        key.startsWith("photos") ? "for Zoë" : null, ShareExtras.NONE);
            }
            Instant old = Instant.now().minus(Duration.ofDays(40));
            services.shares().insert(new NewShare(old, null, "local", S3ProxyServer.ACCESS_KEY_ID, s3.endpoint(),
                    S3ProxyServer.REGION, bucket, "old/expired.txt", LinkOptions.get(Duration.ofHours(1)),
                    old.plus(Duration.ofHours(1)), EffectiveExpiry.Limit.REQUESTED, "http://127.0.0.1/x?sig", null));
        }
    }

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dataDir.toString();
        return new CliRunner().env("LINKDESK_PASSWORD", PASSWORD).run(all);
    }

    @Test
    void searchesAndFiltersWithJsonFields() throws Exception {
        CliRunner.Result r = run("history", "--search", "märz", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode array = JSON.readTree(r.out());
        assertThat(array).hasSize(1);
        JsonNode share = array.get(0);
        for (String field : List.of("id", "createdAt", "profile", "bucket", "key", "method", "expiresAt", "status",
                "url")) {
            assertThat(share.has(field)).as(field).isTrue();
        }
        assertThat(share.get("key").asText()).isEqualTo("invoices/März 2026.pdf");
        assertThat(share.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(share.get("url").asText()).startsWith(s3.endpoint() + "/" + bucket + "/invoices/");

        assertThat(JSON.readTree(run("history", "--search", "zoë", "--json").out())).hasSize(1);
        assertThat(JSON.readTree(run("history", "--status", "expired", "--json").out())).hasSize(1);
        assertThat(JSON.readTree(run("history", "--status", "active", "--profile", "local", "--json", "--limit",
                "2").out())).hasSize(2);
        assertThat(run("history", "--profile", "nobody").out()).isEqualTo("No links match.\n");
        CliRunner.Result bad = run("history", "--status", "lively");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--status: Unknown status 'lively'");
    }

    @Test
    void exportImportRoundTripAndPurge() throws Exception {
        Path csv = dataDir.resolve("out.csv");
        CliRunner.Result export = run("history", "export", "--format", "csv", csv.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.err()).contains("Exported 4 links");
        assertThat(Files.readString(csv)).contains("März 2026", "X-Amz-Signature=REDACTED")
                .doesNotContainPattern("X-Amz-Signature=[0-9a-f]{64}");

        Path json = dataDir.resolve("out.json");
        assertThat(run("history", "export", "--format", "json", json.toString()).exitCode()).isZero();
        assertThat(JSON.readTree(json.toFile())).hasSize(4);

        CliRunner.Result again = run("history", "import", csv.toString());
        assertThat(again.out()).isEqualTo("Imported 0 links; skipped 4 already in the history.\n");

        CliRunner.Result purgeRecent = run("history", "purge", "--expired", "--older-than", "60d");
        assertThat(purgeRecent.out()).isEqualTo("Purged 0 expired links.\n");
        CliRunner.Result purge = run("history", "purge", "--expired", "--older-than", "30d");
        assertThat(purge.out()).isEqualTo("Purged 1 expired link.\n");
        assertThat(JSON.readTree(run("history", "--json").out())).hasSize(3);

        CliRunner.Result imported = run("history", "import", json.toString());
        assertThat(imported.out()).isEqualTo("Imported 1 link; skipped 3 already in the history.\n");
        assertThat(run("history", "purge").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void recheckFindsGoneObjects() throws Exception {
        s3.deleteObject(bucket, "gone.txt");
        CliRunner.Result r = run("history", "recheck", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode result = JSON.readTree(r.out());
        assertThat(result.get("total").asInt()).isEqualTo(3);
        assertThat(result.get("gone").asInt()).isEqualTo(1);
        assertThat(result.get("present").asInt()).isEqualTo(2);
        JsonNode gone = JSON.readTree(run("history", "--status", "gone", "--json").out());
        assertThat(gone).hasSize(1);
        assertThat(gone.get(0).get("key").asText()).isEqualTo("gone.txt");
        assertThat(run("history", "recheck").out()).startsWith("Checked 3 of 3: 2 unchanged, 1 gone, 0 changed");
    }
}
