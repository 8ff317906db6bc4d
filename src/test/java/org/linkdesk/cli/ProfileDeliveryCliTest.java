package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.cloudfront.CloudFrontPolicy;
import org.linkdesk.core.cloudfront.CloudFrontSigner;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.testing.S3ProxyServer;

/** A profile's public endpoint (signed for that host) and CloudFront distribution (key in the vault). */
class ProfileDeliveryCliTest {
    private static final String PASSWORD = "correct horse battery staple";
    private final S3ProxyServer s3 = S3ProxyServer.shared();
    @TempDir
    Path dir;
    private String bucket;

    @BeforeEach
    void setUp() {
        bucket = s3.newBucket();
        s3.putObject(bucket, "a b.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
        try (Services services = Services.open(dir.resolve("data"))) {
            services.vault().create(PASSWORD.toCharArray());
            services.vault().unlock(PASSWORD.toCharArray());
            services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                    S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, s3.endpoint(), true));
        }
    }

    private CliRunner.Result cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new CliRunner().env(Map.of("LINKDESK_PASSWORD", PASSWORD)).run(all);
    }

    @Test
    void aPublicEndpointIsSignedForItsOwnHost() throws Exception {
        String localhost = s3.endpoint().replace("127.0.0.1", "localhost");
        assertThat(cli("profiles", "delivery", "local", "--public-endpoint", localhost).exitCode()).isZero();
        String url = cli("presign", "--profile", "local", "s3://" + bucket + "/a b.txt").out().strip();
        assertThat(url).startsWith(localhost + "/" + bucket + "/a%20b.txt?");
        HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("hello");
        String direct = cli("presign", "--profile", "local", "--direct", "s3://" + bucket + "/a b.txt").out().strip();
        assertThat(direct).startsWith(s3.endpoint() + "/");
    }

    @Test
    void aCloudFrontDistributionMakesGetLinksCloudFrontUrls() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = dir.resolve("cf.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        CliRunner.Result set = cli("profiles", "delivery", "local", "--cloudfront-domain", "https://D111.cloudfront.net/",
                "--cloudfront-key-pair-id", "K2JCJMDEHXQW5F", "--cloudfront-private-key", pem.toString());
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).contains("CloudFront domain: d111.cloudfront.net").contains("Private key:       in the vault");
        try (Services services = Services.open(dir.resolve("data"))) {
            byte[] row = services.database().read(c -> {
                try (var ps = c.prepareStatement("SELECT cloudfront_key_enc FROM profile_delivery");
                     var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            });
            assertThat(new String(row, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
        }

        CliRunner.Result r = cli("presign", "--profile", "local", "--json", "s3://" + bucket + "/a b.txt");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get(0);
        String cdnUrl = node.get("cdnUrl").asText();
        assertThat(cdnUrl).startsWith("https://d111.cloudfront.net/a%20b.txt?Expires=");
        Instant expires = Instant.ofEpochSecond(Long.parseLong(cdnUrl.replaceAll(".*Expires=(\\d+).*", "$1")));
        assertThat(expires).isEqualTo(Instant.parse(node.get("effectiveExpiresAt").asText()));
        String signature = cdnUrl.replaceAll(".*Signature=([^&]*).*", "$1");
        assertThat(CloudFrontSigner.verify(CloudFrontSigner.policyDocument("https://d111.cloudfront.net/a%20b.txt",
                CloudFrontPolicy.canned(expires)), signature, keys.getPublic())).isTrue();
        assertThat(node.get("url").asText()).startsWith(s3.endpoint());

        CliRunner.Result put = cli("presign", "--profile", "local", "--method", "PUT", "s3://" + bucket + "/up.txt");
        assertThat(put.out()).startsWith(s3.endpoint()).as("uploads go to S3, not the CDN");
    }

    @Test
    void badSettingsAreRefusedInWords() {
        CliRunner.Result r = cli("profiles", "delivery", "local", "--cloudfront-domain", "not a domain");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("is not a domain name");
        assertThat(cli("profiles", "delivery", "local", "--public-endpoint", "ftp://x").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli("profiles", "delivery", "nobody").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }
}
