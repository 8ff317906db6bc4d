package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.testing.S3ProxyExtension;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.upload.SdkReader;
import org.linkdesk.upload.UploadChildMain;

@ExtendWith(S3ProxyExtension.class)
class UploadCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long MIB = 1024 * 1024;
    @TempDir
    static Path dir;
    static S3ProxyServer s3;
    static SdkReader sdk;
    static String bucket;

    @BeforeAll
    static void start(S3ProxyServer server) {
        s3 = server;
        sdk = new SdkReader(server);
        bucket = server.newBucket();
    }

    @AfterAll
    static void stop() {
        sdk.close();
    }

    CliRunner.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        return new CliRunner().env(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY, "AWS_ENDPOINT_URL_S3", s3.endpoint(),
                "AWS_REGION", S3ProxyServer.REGION)).run(all.toArray(String[]::new));
    }

    static Path file(Path where, long size) throws IOException {
        byte[] bytes = new byte[(int) size];
        new Random(size * 31 + where.hashCode()).nextBytes(bytes);
        Files.createDirectories(where.getParent());
        return Files.write(where, bytes);
    }

    @Test
    void uploadsFilesAndFoldersAndPrintsJson() throws Exception {
        Path a = file(dir.resolve("in/Grüße report.txt"), 10);
        Path b = file(dir.resolve("in/album/one.png"), 6 * MIB);
        CliRunner.Result r = cli("upload", "--json", "--part-size", "5MiB", "--expires", "2h", a.toString(),
                dir.resolve("in/album").toString(), "s3://" + bucket + "/cli/");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out).hasSize(2);
        assertThat(out.get(0).get("key").asText()).isEqualTo("cli/Grüße report.txt");
        assertThat(out.get(1).get("key").asText()).isEqualTo("cli/album/one.png");
        assertThat(out.get(1).get("size").asLong()).isEqualTo(6 * MIB);
        for (JsonNode n : out) {
            assertThat(n.get("url").asText()).startsWith(s3.endpoint());
            assertThat(n.get("expiresAt").asText()).isNotEmpty();
            assertThat(n.get("etag").asText()).isNotEmpty();
        }
        assertThat(sdk.read(bucket, "cli/album/one.png")).isEqualTo(Files.readAllBytes(b));
        assertThat(sdk.contentType(bucket, "cli/album/one.png")).isEqualTo("image/png");
        CliRunner.Result history = cli("history", "--json");
        assertThat(history.out()).contains("uploaded-by-linkdesk");
    }

    @Test
    void existingKeysNeedAChoice() throws Exception {
        Path a = file(dir.resolve("dup/notes.txt"), 5);
        assertThat(cli("upload", "--no-link", a.toString(), "s3://" + bucket + "/dup/").exitCode()).isZero();
        CliRunner.Result again = cli("upload", "--no-link", a.toString(), "s3://" + bucket + "/dup/");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists", "--keep-both");
        CliRunner.Result keep = cli("upload", "--no-link", "--keep-both", a.toString(), "s3://" + bucket + "/dup/");
        assertThat(keep.out()).contains("s3://" + bucket + "/dup/notes (1).txt");
        CliRunner.Result skip = cli("upload", "--skip-existing", a.toString(), "s3://" + bucket + "/dup/");
        assertThat(skip.exitCode()).isZero();
        assertThat(skip.out()).isEmpty();
        assertThat(skip.err()).contains("skipped");
    }

    @Test
    void resumesAfterTheUploadingProcessWasKilled() throws Exception {
        Path big = file(dir.resolve("kill/big.bin"), 13 * MIB);
        Path data = dir.resolve("data");
        cli("history", "--json");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), UploadChildMain.class.getName(),
                data.toString(), s3.endpoint(), big.toString(), bucket, "kill/big.bin")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("PART2")) {
                // wait until part 1 is recorded and part 2 is in flight
            }
            assertThat(line).isEqualTo("PART2");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sdk.unfinished(bucket)).anyMatch(u -> u.key().equals("kill/big.bin"));
        CliRunner.Result list = cli("uploads", "list", "--json", "s3://" + bucket + "/kill/");
        assertThat(JSON.readTree(list.out()).get(0).get("localFile").asText()).isEqualTo(big.toString());

        CliRunner.Result resumed = cli("upload", "--json", "--resume", "--part-size", "5MiB", big.toString(),
                "s3://" + bucket + "/kill/");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(JSON.readTree(resumed.out()).get(0).get("partsResumed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(sdk.read(bucket, "kill/big.bin")).isEqualTo(Files.readAllBytes(big));
        assertThat(sdk.unfinished(bucket)).noneMatch(u -> u.key().equals("kill/big.bin"));
    }

    @Test
    void listsAndAbortsOtherToolsUploads() throws Exception {
        String id = sdk.startMultipart(bucket, "tools/left.bin");
        CliRunner.Result list = cli("uploads", "list", "s3://" + bucket + "/tools/");
        assertThat(list.out()).contains("tools/left.bin", id);
        assertThat(cli("uploads", "abort", "s3://" + bucket + "/tools/").exitCode()).isEqualTo(2);
        CliRunner.Result abort = cli("uploads", "abort", "--upload-id", id, "s3://" + bucket + "/tools/");
        assertThat(abort.exitCode()).as(abort.toString()).isZero();
        assertThat(sdk.unfinished(bucket)).noneMatch(u -> u.uploadId().equals(id));
    }

    @Test
    void presignMultipartBashScriptUploadsTheFile() throws Exception {
        Path big = file(dir.resolve("script/video.bin"), 11 * MIB + 5);
        Path script = dir.resolve("script/upload.sh");
        CliRunner.Result r = cli("presign-multipart", "--size", Long.toString(Files.size(big)), "--part-size", "5MiB",
                "--script", "bash", "--out", script.toString(), "s3://" + bucket + "/script/video.bin");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Process bash = new ProcessBuilder("bash", script.toString(), big.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).contains("part 3 of 3 sent", "Uploaded");
        assertThat(sdk.read(bucket, "script/video.bin")).isEqualTo(Files.readAllBytes(big));

        CliRunner.Result json = cli("presign-multipart", "--size", "12MiB", "--part-size", "5MiB",
                "s3://" + bucket + "/script/other.bin");
        JsonNode m = JSON.readTree(json.out());
        assertThat(m.get("parts")).hasSize(3);
        assertThat(m.get("partSize").asLong()).isEqualTo(5 * MIB);
        assertThat(m.get("parts").get(2).get("url").asText()).contains("partNumber=3", "uploadId=");
        assertThat(m.get("completeUrl").asText()).contains("uploadId=");
        assertThat(m.get("abortUrl").asText()).contains("uploadId=");
        assertThat(m.get("expiresAt").asText()).isNotEmpty();
        assertThat(cli("uploads", "abort", "--upload-id", m.get("uploadId").asText(),
                "s3://" + bucket + "/script/").exitCode()).isZero();
    }

    @Test
    void postPolicyOutputs() throws Exception {
        CliRunner.Result json = cli("post-policy", "--key-prefix", "inbox/", "--max-size", "10MiB",
                "--content-type-prefix", "image/", "--meta", "from=alice", "s3://" + bucket + "/");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode post = JSON.readTree(json.out());
        assertThat(post.get("url").asText()).isEqualTo(s3.endpoint() + "/" + bucket);
        assertThat(post.get("fields").get("key").asText()).isEqualTo("inbox/${filename}");
        assertThat(post.get("fields").get("x-amz-meta-from").asText()).isEqualTo("alice");
        Path page = dir.resolve("page.html");
        assertThat(cli("post-policy", "--html", page.toString(), "s3://" + bucket + "/in/").exitCode()).isZero();
        assertThat(Files.readString(page)).contains("<form", "x-amz-signature", "XMLHttpRequest");
        CliRunner.Result curl = cli("post-policy", "--curl", "--key", "a.txt", "s3://" + bucket + "/");
        assertThat(curl.out()).startsWith("curl ").contains("--form-string 'key=a.txt'", "file=@");
    }
}
