package org.linkdesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.PresignedUrl;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.testing.S3ProxyServer;

/**
 * Every provider preset's endpoint, region and addressing style gives links a real S3 server accepts, in path
 * style and in virtual-hosted style. The provider host names do not resolve to this machine (and {@code
 * *.localhost} does not resolve here either), so each request is sent over a socket to S3Proxy on 127.0.0.1 with the
 * link's own {@code Host} header, exactly as a client that resolved the name would send it. S3Proxy is started with
 * {@code virtualHost} set to the preset's host, so it reads the bucket from {@code bucket.host}.
 */
class ProviderPresetLinksTest {
    private static final String R2_ACCOUNT = "0123456789abcdef0123456789abcdef";

    @ParameterizedTest
    @EnumSource(ProviderPreset.class)
    void linksWorkInBothAddressingStyles(ProviderPreset preset) throws Exception {
        String region = preset.regions().get(preset.regions().size() - 1);
        String endpointUrl = switch (preset) {
            case AMAZON_S3 -> null;
            case MINIO -> "http://minio.lan:9000";
            case CUSTOM -> "https://ceph.example.org/s3api";
            default -> preset.endpointFor(region, R2_ACCOUNT);
        };
        S3Endpoint virtual = S3Endpoint.of(endpointUrl, region, false);
        S3Endpoint path = S3Endpoint.of(endpointUrl, region, true);
        String host = URI.create(virtual.scheme() + "://" + virtual.authority()).getHost();

        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("unused", "unused")
                .buildView(BlobStoreContext.class);
        S3Proxy.Builder builder = S3Proxy.builder().blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3ProxyServer.ACCESS_KEY_ID,
                        S3ProxyServer.SECRET_ACCESS_KEY)
                .endpoint(URI.create("http://127.0.0.1:0")).virtualHost(host);
        if (endpointUrl != null && !URI.create(endpointUrl).getPath().isEmpty()) {
            builder.servicePath(URI.create(endpointUrl).getPath()); // a gateway under a base path
        }
        S3Proxy proxy = builder.build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + 20_000;
            while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            context.getBlobStore().createContainerInLocation(null, "preset-bucket");
            context.getBlobStore().putBlob("preset-bucket", context.getBlobStore().blobBuilder("docs/hello world.txt")
                    .payload("hi from " + preset.name()).build());
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            SigV4Presigner presigner = new SigV4Presigner(java.time.Clock.systemUTC());
            LinkOptions options = new LinkOptions(HttpMethod.GET, Duration.ofMinutes(10), null, false, null, null,
                    null);
            for (S3Endpoint endpoint : new S3Endpoint[] {path, virtual}) {
                PresignedUrl url = presigner.presign(endpoint, S3ProxyServer.credentials(),
                        options.toRequest("preset-bucket", "docs/hello world.txt", Duration.ofMinutes(10)), now);
                URI uri = URI.create(url.url());
                boolean virtualStyle = uri.getHost().startsWith("preset-bucket.");
                assertThat(virtualStyle).as(url.redacted()).isEqualTo(endpoint == virtual);
                String[] answer = get(proxy.getPort(), uri);
                assertThat(answer[0]).as(preset + " " + (virtualStyle ? "virtual" : "path") + " " + url.redacted())
                        .contains(" 200 ");
                assertThat(answer[1]).isEqualTo("hi from " + preset.name());
            }
        } finally {
            proxy.stop();
            context.close();
        }
    }

    /** GET over a socket to 127.0.0.1:port with the URL's own Host header; returns {status line, body}. */
    static String[] get(int port, URI uri) throws IOException {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getRawAuthority()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String status = response.substring(0, response.indexOf("\r\n"));
            String body = response.substring(headerEnd + 4);
            if (response.substring(0, headerEnd).toLowerCase(java.util.Locale.ROOT)
                    .contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new String[] {status, body};
        }
    }

    private static String dechunk(String body) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (true) {
            int eol = body.indexOf("\r\n", i);
            int size = Integer.parseInt(body.substring(i, eol).strip(), 16);
            if (size == 0) {
                return sb.toString();
            }
            sb.append(body, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
    }
}
