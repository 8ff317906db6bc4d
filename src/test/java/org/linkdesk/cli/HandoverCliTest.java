package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.testing.S3ProxyServer;

/** presign --format/--qr/--version-id/--allow-odd-key, test, qr and cloudfront-sign from the command line. */
class HandoverCliTest {
    private static final String KEY = "docs/it's $1.txt";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final S3ProxyServer s3 = S3ProxyServer.shared();
    @TempDir
    Path dir;
    private String bucket;

    @BeforeEach
    void putAnObject() {
        bucket = s3.newBucket();
        s3.putObject(bucket, KEY, "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private CliRunner cli() {
        return new CliRunner().env(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY, "AWS_ENDPOINT_URL_S3", s3.endpoint(),
                "AWS_REGION", S3ProxyServer.REGION));
    }

    private CliRunner.Result presign(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--data-dir";
        args[1] = dir.resolve("data").toString();
        args[2] = "presign";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return cli().run(args);
    }

    @Test
    void formatCurlPrintsACommandThatBashRuns() throws Exception {
        CliRunner.Result r = presign("--format", "curl", "s3://" + bucket + "/" + KEY);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String command = r.out().strip();
        assertThat(command).startsWith("curl --fail -o ");
        Process p = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(dir.resolve("it's $1.txt")).hasContent("hello");
    }

    @Test
    void formatJsonAndMarkdownAndUnknownFormats() throws Exception {
        JsonNode json = JSON.readTree(presign("--format", "json", "s3://" + bucket + "/" + KEY).out());
        assertThat(json.get("method").asText()).isEqualTo("GET");
        assertThat(json.get("fileName").asText()).isEqualTo("it's $1.txt");
        assertThat(presign("--format", "markdown", "s3://" + bucket + "/" + KEY).out()).startsWith("[it\\'s \\$1\\.txt](http");
        CliRunner.Result bad = presign("--format", "yaml", "s3://" + bucket + "/" + KEY);
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("url, curl, wget, powershell, markdown, html, json");
    }

    @Test
    void dotDotKeysAreRefusedUnlessAllowedAndOddKeysWarn() {
        CliRunner.Result refused = presign("s3://" + bucket + "/../etc/passwd");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("'..'").contains("--allow-odd-key");
        assertThat(refused.out()).isEmpty();
        CliRunner.Result allowed = presign("--allow-odd-key", "s3://" + bucket + "/../etc/passwd");
        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.err()).contains("'..'");
        CliRunner.Result invisible = presign("s3://" + bucket + "/a\u200Bb.txt");
        assertThat(invisible.exitCode()).isZero();
        assertThat(invisible.err()).contains("invisible character");
    }

    @Test
    void versionIdGoesIntoTheSignedUrl() {
        CliRunner.Result r = presign("--version-id", "3HL4kqtJ.lcpXroDTDmJ+rmSpXd3dIbrHY", "s3://" + bucket + "/" + KEY);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("versionId=3HL4kqtJ.lcpXroDTDmJ%2BrmSpXd3dIbrHY&X-Amz-Algorithm=");
        assertThat(presign("--method", "PUT", "--version-id", "v", "s3://" + bucket + "/x").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void testCommandGivesJsonAndExitCodes() throws Exception {
        String url = presign("s3://" + bucket + "/" + KEY).out().strip();
        CliRunner.Result ok = cli().run("test", "--json", url);
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        JsonNode node = JSON.readTree(ok.out());
        assertThat(node.get("ok").asBoolean()).isTrue();
        assertThat(node.get("diagnosis").asText()).isEqualTo("ok");
        assertThat(node.get("status").asInt()).isEqualTo(206);
        assertThat(node.has("skewSeconds")).isTrue();
        assertThat(node.get("detail").asText()).contains("5 bytes");

        s3.deleteObject(bucket, KEY);
        CliRunner.Result gone = cli().run("test", url);
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(gone.out()).startsWith("no-such-key: ");

        String tampered = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
        assertThat(cli().run("test", tampered).exitCode()).isEqualTo(ExitCodes.ACCESS_DENIED);
    }

    @Test
    void qrCommandAndPresignQrWritePngsThatDecode() throws Exception {
        String url = presign("--qr", dir.resolve("link.png").toString(), "s3://" + bucket + "/" + KEY).out().strip();
        assertThat(org.linkdesk.handover.QrRoundTripTest.decode(Files.readAllBytes(dir.resolve("link.png"))))
                .isEqualTo(url);
        CliRunner.Result r = cli().run("qr", url, "--out", dir.resolve("again.png").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("again.png"))).isEqualTo(Files.readAllBytes(dir.resolve("link.png")));
        assertThat(cli().run("qr", "hello").out()).contains("█");
    }

    @Test
    void lsVersionsListsEveryVersionWithItsId() throws Exception {
        String xml = "<ListVersionsResult><IsTruncated>false</IsTruncated><Version><Key>q1.pdf</Key>"
                + "<VersionId>3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY</VersionId><IsLatest>true</IsLatest>"
                + "<LastModified>2026-01-02T03:04:05Z</LastModified><Size>12</Size></Version><DeleteMarker>"
                + "<Key>r.pdf</Key><VersionId>abc</VersionId><IsLatest>true</IsLatest>"
                + "<LastModified>2026-01-01T00:00:00Z</LastModified></DeleteMarker></ListVersionsResult>";
        try (org.linkdesk.links.ScriptedHttpServer server = new org.linkdesk.links.ScriptedHttpServer()) {
            server.answer = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " + xml.length()
                    + "\r\nConnection: close\r\n\r\n" + xml;
            CliRunner.Result r = cli().env("AWS_ENDPOINT_URL_S3", server.endpoint())
                    .run("--data-dir", dir.resolve("data").toString(), "ls", "--versions", "s3://bucket/q");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("2026-01-02 03:04:05           12  3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY  q1.pdf  (latest)")
                    .contains("(deleted)  abc");
            assertThat(server.requests.get(0)).startsWith("GET /bucket/?encoding-type=url&max-keys=1000&prefix=q&versions= ");
        }
    }

    @Test
    void cloudfrontSignReadsAPemKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        Path pem = dir.resolve("cf.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n");
        CliRunner.Result r = cli().run("cloudfront-sign", "--key-pair-id", "K2JCJMDEHXQW5F", "--private-key",
                pem.toString(), "--expires", "30d", "https://d111111abcdef8.cloudfront.net/a%20b.pdf");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).matches("https://d111111abcdef8\\.cloudfront\\.net/a%20b\\.pdf\\?Expires=\\d+&Signature="
                + "[A-Za-z0-9~_-]+&Key-Pair-Id=K2JCJMDEHXQW5F\\s*");
        CliRunner.Result custom = cli().run("cloudfront-sign", "--key-pair-id", "K2JCJMDEHXQW5F", "--private-key",
                pem.toString(), "--ip-range", "192.0.2.0/24", "https://d111111abcdef8.cloudfront.net/a.pdf");
        assertThat(custom.out()).contains("?Policy=");
        CliRunner.Result missing = cli().run("cloudfront-sign", "--key-pair-id", "K2JCJMDEHXQW5F", "--private-key",
                dir.resolve("nope.pem").toString(), "https://d111111abcdef8.cloudfront.net/a.pdf");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("There is no file");
    }
}
