package org.linkdesk.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.PresignRequest;
import org.linkdesk.core.sign.PresignedUrl;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.testing.S3ProxyServer;

/** Links from {@link SigV4Presigner}, used with a plain HTTP client against a real S3 server. */
class PresignedLinksAgainstS3ProxyTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final String TEXT_UTF8 = "text/plain; charset=utf-8";

    private static S3ProxyServer s3;
    private static S3Endpoint endpoint;
    private static String bucket;
    private static HttpClient http;
    private final SigV4Presigner presigner = new SigV4Presigner();

    @BeforeAll
    static void setUp() {
        s3 = S3ProxyServer.shared();
        endpoint = S3Endpoint.custom(s3.endpoint(), "us-east-1", false);
        bucket = s3.newBucket();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static Stream<String> awkwardKeys() {
        return Stream.of(
                "café/naïve résumé.txt",
                "写真/東京タワー 夜景.jpg",
                "Документы/отчёт за год.pdf",
                "party 🎉 and 😀.txt",
                "plus+sign.txt",
                "percent%20literal%.txt",
                "equals=sign&amp=x.txt",
                "question?mark.txt",
                "hash#tag.txt",
                "star*quote'paren(s)!.txt",
                "tilde~dollar$comma,semi;colon:at@.txt",
                "all + % = ? # & * ' ( ) ! ~ $ , ; : @ together",
                "  spaces  around  ",
                "back\\slash\\dir.txt",
                "/leading-slash.txt",
                "//two-leading-slashes.txt",
                "a//b.txt",
                "trailing/",
                "mixed/ü/日本/Ω/🙂/end",
                "dots..in...name.txt",
                ".hidden",
                "UPPER and lower.TXT",
                "ﬁ ligature é vs é combining");
    }

    @Test
    void getReturnsTheBody() throws Exception {
        s3.putObject(bucket, "hello.txt", bytes("Hello, world"), "text/plain");

        HttpResponse<String> response = send("GET", presign(PresignRequest.of(HttpMethod.GET, bucket, "hello.txt", FIVE_MINUTES)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello, world");
    }

    @Test
    void putWithSignedContentTypeUploadsAndReadsBack() throws Exception {
        LinkOptions put = new LinkOptions(HttpMethod.PUT, FIVE_MINUTES, null, false, null, null, TEXT_UTF8);
        PresignedUrl link = presign(put.toRequest(bucket, "upload/notes.txt", FIVE_MINUTES));
        assertThat(link.signedHeaders()).containsEntry("Content-Type", TEXT_UTF8);

        HttpResponse<String> response = send("PUT", link, "Grüße aus dem Test");

        assertThat(response.statusCode()).isEqualTo(200);
        HttpResponse<String> readBack = send("GET",
                presign(PresignRequest.of(HttpMethod.GET, bucket, "upload/notes.txt", FIVE_MINUTES)));
        assertThat(readBack.body()).isEqualTo("Grüße aus dem Test");
        // Jetty writes the type back without the space after ';'.
        assertThat(readBack.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(s3.getObject(bucket, "upload/notes.txt")).hasValueSatisfying(o ->
                assertThat(o.contentType().replace(" ", "")).isEqualTo("text/plain;charset=utf-8"));
    }

    @Test
    void putWithAnotherContentTypeThanSignedIsRefused() throws Exception {
        LinkOptions put = new LinkOptions(HttpMethod.PUT, FIVE_MINUTES, null, false, null, null, "image/png");
        PresignedUrl link = presign(put.toRequest(bucket, "upload/picture.png", FIVE_MINUTES));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(link.url()))
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofString("not a png")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(s3.objectExists(bucket, "upload/picture.png")).isFalse();
    }

    @Test
    void headReportsTheObjectWithoutABody() throws Exception {
        s3.putObject(bucket, "head/me.bin", new byte[1234], "application/octet-stream");

        HttpResponse<String> response = send("HEAD", presign(PresignRequest.of(HttpMethod.HEAD, bucket, "head/me.bin", FIVE_MINUTES)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(1234);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void downloadNamesComeBackInContentDisposition() throws Exception {
        s3.putObject(bucket, "reports/q3.pdf", bytes("%PDF"), "application/pdf");
        for (String name : new String[] {"Quarterly report.pdf", "Résumé – 履歴書 😀.pdf"}) {
            LinkOptions get = new LinkOptions(HttpMethod.GET, FIVE_MINUTES, name, false, null, null, null);

            HttpResponse<String> response = send("GET", presign(get.toRequest(bucket, "reports/q3.pdf", FIVE_MINUTES)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Disposition"))
                    .hasValue(LinkOptions.contentDisposition(false, name));
        }
    }

    @Test
    void responseOverridesComeBack() throws Exception {
        s3.putObject(bucket, "pages/index.html", bytes("<p>hi</p>"), "application/octet-stream");
        LinkOptions get = new LinkOptions(HttpMethod.GET, FIVE_MINUTES, null, true, "text/html", "no-store", null);

        HttpResponse<String> response = send("GET", presign(get.toRequest(bucket, "pages/index.html", FIVE_MINUTES)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void oneChangedSignatureCharacterIsRefused() throws Exception {
        s3.putObject(bucket, "tamper.txt", bytes("x"), "text/plain");
        String url = presign(PresignRequest.of(HttpMethod.GET, bucket, "tamper.txt", FIVE_MINUTES)).url();
        char last = url.charAt(url.length() - 1);
        String tampered = url.substring(0, url.length() - 1) + (last == '0' ? '1' : '0');

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("SignatureDoesNotMatch");
    }

    @Test
    void expiredLinkIsRefused() throws Exception {
        s3.putObject(bucket, "expired.txt", bytes("x"), "text/plain");
        PresignedUrl link = presigner.presign(endpoint, S3ProxyServer.credentials(),
                PresignRequest.of(HttpMethod.GET, bucket, "expired.txt", Duration.ofSeconds(2)),
                Instant.now().minusSeconds(30));

        HttpResponse<String> response = send("GET", link);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Request has expired");
    }

    @Test
    void getLinkUsedForHeadIsRefused() throws Exception {
        s3.putObject(bucket, "method.txt", bytes("x"), "text/plain");
        PresignedUrl link = presign(PresignRequest.of(HttpMethod.GET, bucket, "method.txt", FIVE_MINUTES));

        HttpResponse<String> response = send("HEAD", link);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("awkwardKeys")
    void getWorksForAwkwardKeys(String key) throws Exception {
        s3.putObject(bucket, key, bytes("GET " + key), "text/plain; charset=utf-8");

        HttpResponse<String> response = send("GET", presign(PresignRequest.of(HttpMethod.GET, bucket, key, FIVE_MINUTES)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("GET " + key);
    }

    @ParameterizedTest
    @MethodSource("awkwardKeys")
    void putWorksForAwkwardKeys(String key) throws Exception {
        s3.deleteObject(bucket, key);
        LinkOptions put = new LinkOptions(HttpMethod.PUT, FIVE_MINUTES, null, false, null, null, TEXT_UTF8);

        HttpResponse<String> response = send("PUT", presign(put.toRequest(bucket, key, FIVE_MINUTES)), "PUT " + key);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(s3.getObject(bucket, key)).hasValueSatisfying(o ->
                assertThat(new String(o.content(), StandardCharsets.UTF_8)).isEqualTo("PUT " + key));
    }

    @ParameterizedTest
    @MethodSource("awkwardKeys")
    void headWorksForAwkwardKeys(String key) throws Exception {
        s3.putObject(bucket, key, bytes("HEAD " + key), "text/plain; charset=utf-8");

        HttpResponse<String> response = send("HEAD", presign(PresignRequest.of(HttpMethod.HEAD, bucket, key, FIVE_MINUTES)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(bytes("HEAD " + key).length);
    }

    @ParameterizedTest
    @MethodSource("awkwardKeys")
    void headerSignedHeadObjectWorksForAwkwardKeys(String key) {
        s3.putObject(bucket, key, bytes("S3Http " + key), "text/plain; charset=utf-8");

        ObjectInfo info = S3Http.createDefault().headObject(endpoint, S3ProxyServer.credentials(), bucket, key);

        assertThat(info.key()).isEqualTo(key);
        assertThat(info.size()).isEqualTo(bytes("S3Http " + key).length);
    }

    private PresignedUrl presign(PresignRequest request) {
        return presigner.presign(endpoint, S3ProxyServer.credentials(), request);
    }

    private static HttpResponse<String> send(String method, PresignedUrl link) throws IOException, InterruptedException {
        return send(method, link, null);
    }

    /** Uses the link as a browser or curl would: its URL as is, plus the headers it was signed with. */
    private static HttpResponse<String> send(String method, PresignedUrl link, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(link.url())).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, String> header : link.signedHeaders().entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
