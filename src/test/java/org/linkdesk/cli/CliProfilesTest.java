package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.testing.S3ProxyServer;

/** {@code linkdesk profiles …} and {@code presign --aws-profile} against S3Proxy with AWS CLI files in a temp dir. */
class CliProfilesTest {
    private static final String PASSWORD = "cli profiles password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final S3ProxyServer s3 = S3ProxyServer.shared();
    @TempDir
    Path dir;
    private String bucket;
    private Instant processExpiry;
    private Map<String, String> awsFiles;

    @BeforeEach
    void files() throws Exception {
        bucket = s3.newBucket();
        s3.putObject(bucket, "a.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
        try (Services services = Services.open(dir.resolve("data"))) {
            services.vault().create(PASSWORD.toCharArray());
        }
        processExpiry = Instant.now().plus(45, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Path script = dir.resolve("creds.sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"" + S3ProxyServer.ACCESS_KEY_ID
                + "\", \"SecretAccessKey\": \"" + S3ProxyServer.SECRET_ACCESS_KEY
                + "\", \"SessionToken\": \"processToken\", \"Expiration\": \""
                + processExpiry + "\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(dir.resolve("credentials"), "[local]\naws_access_key_id = " + S3ProxyServer.ACCESS_KEY_ID
                + "\naws_secret_access_key = " + S3ProxyServer.SECRET_ACCESS_KEY + "\n");
        Files.writeString(dir.resolve("config"), "[profile local]\nregion = us-east-1\nendpoint_url = "
                + s3.endpoint() + "\n[profile proc]\ncredential_process = " + script + "\nregion = us-east-1\n"
                + "services = here\n[services here]\ns3 =\n  endpoint_url = " + s3.endpoint() + "\n");
        awsFiles = Map.of("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString(),
                "AWS_CONFIG_FILE", dir.resolve("config").toString(), Session.PASSWORD_VARIABLE, PASSWORD);
    }

    private CliRunner cli() {
        return new CliRunner().env(awsFiles);
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void importListTestEditRemove() throws Exception {
        CliRunner.Result dry = cli().run("profiles", "import-aws", "--dry-run", "--data-dir", data());
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("local").contains("proc").contains("****0001")
                .doesNotContain(S3ProxyServer.SECRET_ACCESS_KEY).doesNotContain(S3ProxyServer.ACCESS_KEY_ID);

        CliRunner.Result imported = cli().run("profiles", "import-aws", "--json", "--data-dir", data());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(JSON.readTree(imported.out()).get("created")).hasSize(2);

        CliRunner.Result again = cli().run("profiles", "import-aws", "local", "--data-dir", data());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already has profiles named local").contains("--on-clash");
        CliRunner.Result renamed = cli().run("profiles", "import-aws", "local", "--on-clash", "rename",
                "--data-dir", data());
        assertThat(renamed.out()).contains("local (2)");

        JsonNode list = JSON.readTree(cli().run("profiles", "list", "--json", "--data-dir", data()).out());
        assertThat(list).hasSize(3);
        JsonNode plain = JSON.readTree(cli().run("profiles", "--json", "--data-dir", data()).out());
        assertThat(plain).isEqualTo(list);
        assertThat(list.get(2).get("awsProfile").asText()).isEqualTo("proc");
        assertThat(list.get(2).get("secretStorage").asText()).isEqualTo("AWS_CLI");

        CliRunner.Result test = cli().run("profiles", "test", "local", "--data-dir", data());
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).startsWith("OK — ").contains("buckets");
        CliRunner.Result testJson = cli().run("profiles", "test", "local", "--bucket", bucket, "--json",
                "--data-dir", data());
        assertThat(JSON.readTree(testJson.out()).get("ok").asBoolean()).as(testJson.toString()).isTrue();

        CliRunner.Result edit = cli().env("AWS_SECRET_ACCESS_KEY", "wrong-secret").run("profiles", "edit",
                "local (2)", "--rename", "copy", "--region", "eu-west-1", "--from-env", "--store", "vault",
                "--data-dir", data());
        assertThat(edit.exitCode()).as(edit.toString()).isZero();
        CliRunner.Result failing = cli().run("profiles", "test", "copy", "--data-dir", data());
        assertThat(failing.exitCode()).as(failing.toString()).isNotZero();
        assertThat(failing.err()).contains("secret");
        CliRunner.Result removed = cli().run("profiles", "remove", "copy", "--data-dir", data());
        assertThat(removed.out()).contains("Removed profile copy.");
    }

    @Test
    void addWithProviderPresetAndSecretFromStdin() throws Exception {
        CliRunner.Result add = new CliRunner().env(awsFiles).stdin(S3ProxyServer.SECRET_ACCESS_KEY + "\n")
                .run("profiles", "add", "mini", "--provider", "minio", "--endpoint", s3.endpoint(),
                        "--access-key-id", S3ProxyServer.ACCESS_KEY_ID, "--secret-stdin", "--json",
                        "--data-dir", data());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        JsonNode p = JSON.readTree(add.out());
        assertThat(p.get("provider").asText()).isEqualTo("MINIO");
        assertThat(p.get("pathStyle").asBoolean()).isTrue();
        CliRunner.Result presign = cli().run("presign", "--profile", "mini", "s3://" + bucket + "/a.txt",
                "--data-dir", data());
        assertThat(presign.exitCode()).as(presign.toString()).isZero();
        assertThat(get(presign.out().strip())).isEqualTo("hello");

        CliRunner.Result r2 = cli().run("profiles", "add", "r2", "--provider", "r2", "--account-id", "nope",
                "--from-env", "--data-dir", data());
        assertThat(r2.exitCode()).isEqualTo(2);
        assertThat(r2.err()).contains("Cloudflare account id");
    }

    @Test
    void presignWithAnAwsProfileByReferenceIsCappedByItsCredentials() throws Exception {
        CliRunner.Result r = cli().run("presign", "--aws-profile", "proc", "--expires", "3h", "--json",
                "s3://" + bucket + "/a.txt", "--data-dir", data());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("sooner than asked: The credentials from credential_process expire")
                .contains("so this link dies then.");
        JsonNode link = JSON.readTree(r.out()).get(0);
        assertThat(link.get("expiryLimitedBy").asText()).isEqualTo("CREDENTIALS");
        assertThat(Instant.parse(link.get("effectiveExpiresAt").asText())).isEqualTo(processExpiry);
        assertThat(get(link.get("url").asText())).isEqualTo("hello");

        CliRunner.Result viaEnv = new CliRunner().env(awsFiles).env("AWS_PROFILE", "proc")
                .run("presign", "s3://" + bucket + "/a.txt", "--data-dir", data());
        assertThat(viaEnv.exitCode()).as(viaEnv.toString()).isZero();
        assertThat(get(viaEnv.out().strip())).isEqualTo("hello");

        JsonNode history = JSON.readTree(cli().run("history", "--json", "--data-dir", data()).out());
        assertThat(history.get(0).toString()).contains("aws:proc");

        CliRunner.Result missing = cli().run("presign", "--aws-profile", "nope", "s3://" + bucket + "/a.txt",
                "--data-dir", data());
        assertThat(missing.exitCode()).isEqualTo(3);
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
