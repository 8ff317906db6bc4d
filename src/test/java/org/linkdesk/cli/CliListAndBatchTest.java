package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.s3.ListObjectsAgainstS3ProxyTestKeys;
import org.linkdesk.testing.S3ProxyServer;

/** {@code linkdesk ls} and {@code linkdesk presign --recursive} against S3Proxy. */
class CliListAndBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    @TempDir
    static Path dataDir;
    private static String bucket;

    @BeforeAll
    static void seed() {
        bucket = S3.newBucket();
        for (int i = 0; i < 1_200; i++) {
            put(String.format("big/part-%04d.csv", i));
        }
        put("docs/report.pdf");
        put("docs/photos/cat.png");
        put("docs/readme.txt");
        put("top.txt");
        ListObjectsAgainstS3ProxyTestKeys.AWKWARD.forEach(CliListAndBatchTest::put);
    }

    private static void put(String key) {
        S3.putObject(bucket, key, ("body of " + key).getBytes(StandardCharsets.UTF_8), "application/octet-stream");
    }

    private static CliRunner cli() {
        return new CliRunner().env(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY,
                "AWS_ENDPOINT_URL_S3", S3.endpoint(), "AWS_REGION", S3ProxyServer.REGION));
    }

    private static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return cli().run(all.toArray(String[]::new));
    }

    @Test
    void lsShowsOneLevelWithFoldersFirst() {
        CliRunner.Result r = run("ls", "s3://" + bucket + "/docs/");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).endsWith(" PRE photos/");
        assertThat(lines[1]).endsWith(" readme.txt");
        assertThat(lines[2]).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +\\d+ report.pdf");
    }

    @Test
    void lsRecursiveStreamsEveryPage() {
        CliRunner.Result r = run("ls", "--recursive", "s3://" + bucket + "/big/");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(1_200);
        assertThat(lines[1_199]).endsWith(" big/part-1199.csv");
    }

    @Test
    void lsJsonCarriesKeysExactlyAsStored() throws Exception {
        CliRunner.Result r = run("ls", "--recursive", "--json", "s3://" + bucket + "/awk/");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode array = JSON.readTree(r.out());
        List<String> keys = new ArrayList<>();
        array.forEach(o -> keys.add(o.get("key").asText()));
        assertThat(keys).containsExactlyInAnyOrderElementsOf(ListObjectsAgainstS3ProxyTestKeys.AWKWARD);
        JsonNode first = array.get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("key", "size", "lastModified", "etag", "storageClass");
        assertThat(first.get("size").asLong()).isEqualTo(("body of " + first.get("key").asText())
                .getBytes(StandardCharsets.UTF_8).length);
        assertThat(first.get("storageClass").asText()).isEqualTo("STANDARD");
    }

    @Test
    void lsJsonOfOneLevelListsPrefixes() throws Exception {
        JsonNode array = JSON.readTree(run("ls", "--json", "s3://" + bucket).out());
        assertThat(array.get(0).get("prefix").asText()).isEqualTo("awk/");
        assertThat(array.findValuesAsText("key")).containsExactly("top.txt");
    }

    @Test
    void presignRecursiveAppliesRulesAndRecordsEveryLink() throws Exception {
        long before = historyCount();
        CliRunner.Result r = run("presign", "--recursive", "--rule", ".pdf=48h", "--rule", "image=7d",
                "--default-expiry", "24h", "--file-names", "s3://" + bucket + "/docs/");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String[] urls = r.out().split("\\R");
        assertThat(urls).hasSize(3);
        assertThat(urls[0]).contains("/docs/photos/cat.png?").contains("X-Amz-Expires=604800");
        assertThat(urls[1]).contains("/docs/readme.txt?").contains("X-Amz-Expires=86400");
        assertThat(urls[2]).contains("/docs/report.pdf?").contains("X-Amz-Expires=172800");
        for (String url : urls) {
            HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).startsWith("body of docs/");
        }
        assertThat(historyCount()).isEqualTo(before + 3);
    }

    @Test
    void presignRecursiveJsonStreamsAValidArrayAcrossPages() throws Exception {
        long before = historyCount();
        CliRunner.Result r = run("presign", "--recursive", "--json", "--expires", "2h", "s3://" + bucket + "/big/");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode array = JSON.readTree(r.out());
        assertThat(array).hasSize(1_200);
        assertThat(array.get(1_199).get("key").asText()).isEqualTo("big/part-1199.csv");
        assertThat(array.get(0).get("url").asText()).contains("X-Amz-Expires=7200");
        assertThat(historyCount()).isEqualTo(before + 1_200);
    }

    @Test
    void rulesAlsoApplyToNamedObjects() {
        CliRunner.Result r = run("presign", "--rule", "document=3d", "s3://" + bucket + "/docs/report.pdf",
                "s3://" + bucket + "/top.txt");
        assertThat(r.out().split("\\R")[0]).contains("X-Amz-Expires=259200");
        assertThat(r.out().split("\\R")[1]).contains("X-Amz-Expires=3600");
    }

    @Test
    void aMissingBucketIsNotFound() {
        CliRunner.Result r = run("ls", "s3://no-such-bucket-here-1");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("no-such-bucket-here-1");
    }

    @Test
    void aBadRuleIsABadUsage() {
        CliRunner.Result r = run("presign", "--recursive", "--rule", "pictures", "s3://" + bucket + "/docs/");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("MATCH=DURATION");
    }

    private static long historyCount() {
        try (Services services = Services.open(dataDir)) {
            return services.shares().count();
        }
    }
}
