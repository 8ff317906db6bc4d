package org.linkdesk.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;

/** S3Http against a scripted local server, for answers S3Proxy never gives. */
class S3HttpFailuresTest {
    private static final AwsCredentials CREDENTIALS = AwsCredentials.of("AKIAFAKE", "fake-secret");
    private static final String BUCKET = "photos";

    private static HttpServer server;
    private static ExecutorService executor;
    private static final AtomicReference<HttpHandler> HANDLER = new AtomicReference<>();
    private static final Map<String, List<String>> LAST_REQUEST_HEADERS = new ConcurrentHashMap<>();

    private final S3Http client = new S3Http(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private S3Endpoint endpoint;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            LAST_REQUEST_HEADERS.clear();
            LAST_REQUEST_HEADERS.putAll(exchange.getRequestHeaders());
            try (exchange) {
                HANDLER.get().handle(exchange);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        endpoint = S3Endpoint.custom("http://127.0.0.1:" + server.getAddress().getPort(), "us-east-1", true);
    }

    @Test
    void sendsTheSignedHeaders() {
        HANDLER.set(exchange -> respond(exchange, 200, Map.of("Content-Length", "5"), ""));

        client.headObject(endpoint, CREDENTIALS, BUCKET, "a.txt");

        assertThat(LAST_REQUEST_HEADERS.get("Host")).containsExactly("127.0.0.1:" + server.getAddress().getPort());
        assertThat(LAST_REQUEST_HEADERS.get("X-amz-content-sha256")).containsExactly(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(LAST_REQUEST_HEADERS.get("X-amz-date")).singleElement().asString().matches("\\d{8}T\\d{6}Z");
        assertThat(LAST_REQUEST_HEADERS.get("Authorization")).singleElement().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIAFAKE/")
                .contains("/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=")
                .doesNotContain("fake-secret");
    }

    @Test
    void redirectWithBucketRegionHeaderIsWrongRegion() {
        HANDLER.set(exchange -> respond(exchange, 301, Map.of("x-amz-bucket-region", "eu-west-1"), ""));

        assertThatThrownBy(() -> client.headObject(endpoint, CREDENTIALS, BUCKET, "a.txt"))
                .isInstanceOfSatisfying(WrongRegionException.class, e -> {
                    assertThat(e.bucketRegion()).isEqualTo("eu-west-1");
                    assertThat(e.status()).isEqualTo(301);
                })
                .hasMessage("Bucket photos is in region eu-west-1, not us-east-1. Set the profile's region to eu-west-1.");
        assertThatThrownBy(() -> client.headBucket(endpoint, CREDENTIALS, BUCKET))
                .isInstanceOfSatisfying(WrongRegionException.class,
                        e -> assertThat(e.bucketRegion()).isEqualTo("eu-west-1"));
    }

    @Test
    void authorizationHeaderMalformedBodyNamingTheRegionIsWrongRegion() {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AuthorizationHeaderMalformed</Code>"
                + "<Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting "
                + "'eu-central-1'</Message><Region>eu-central-1</Region><RequestId>R1</RequestId></Error>";
        // HEAD gets no body; the client asks again with GET to read the error document.
        HANDLER.set(exchange -> respond(exchange, 400, Map.of("Content-Type", "application/xml"), body));

        assertThatThrownBy(() -> client.headObject(endpoint, CREDENTIALS, BUCKET, "a.txt"))
                .isInstanceOfSatisfying(WrongRegionException.class, e -> {
                    assertThat(e.bucketRegion()).isEqualTo("eu-central-1");
                    assertThat(e.status()).isEqualTo(400);
                });
        assertThatThrownBy(() -> client.listBuckets(endpoint, CREDENTIALS))
                .isInstanceOfSatisfying(WrongRegionException.class,
                        e -> assertThat(e.bucketRegion()).isEqualTo("eu-central-1"))
                .hasMessage("This endpoint expects region eu-central-1, not us-east-1. Set the profile's region to eu-central-1.");
    }

    @Test
    void regionNamedOnlyInTheMessageOrTheRedirectEndpointIsWrongRegion() {
        HANDLER.set(exchange -> respond(exchange, 400, Map.of(), "<Error><Code>AuthorizationHeaderMalformed</Code>"
                + "<Message>the region 'us-east-1' is wrong; expecting 'ap-south-1'</Message></Error>"));
        assertThatThrownBy(() -> client.headObject(endpoint, CREDENTIALS, BUCKET, "a.txt"))
                .isInstanceOfSatisfying(WrongRegionException.class,
                        e -> assertThat(e.bucketRegion()).isEqualTo("ap-south-1"));

        HANDLER.set(exchange -> respond(exchange, 301, Map.of(), "<Error><Code>PermanentRedirect</Code><Message>The "
                + "bucket you are attempting to access must be addressed using the specified endpoint.</Message>"
                + "<Endpoint>photos.s3.ap-southeast-2.amazonaws.com</Endpoint><Bucket>photos</Bucket></Error>"));
        assertThatThrownBy(() -> client.headObject(endpoint, CREDENTIALS, BUCKET, "a.txt"))
                .isInstanceOfSatisfying(WrongRegionException.class,
                        e -> assertThat(e.bucketRegion()).isEqualTo("ap-southeast-2"));
    }

    @Test
    void serverErrorIsS3ServerException() {
        HANDLER.set(exchange -> respond(exchange, 500, Map.of(),
                "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>"));

        assertThatThrownBy(() -> client.headObject(endpoint, CREDENTIALS, BUCKET, "a.txt"))
                .isInstanceOfSatisfying(S3ServerException.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageStartingWith("The server failed (500).");
        assertThatThrownBy(() -> client.listBuckets(endpoint, CREDENTIALS))
                .isInstanceOfSatisfying(S3ServerException.class, e -> assertThat(e.errorCode()).isEqualTo("InternalError"))
                .hasMessageStartingWith("The server failed (500 InternalError: We encountered an internal error.).");

        HANDLER.set(exchange -> respond(exchange, 503, Map.of(), "<Error><Code>SlowDown</Code></Error>"));
        assertThatThrownBy(() -> client.listBuckets(endpoint, CREDENTIALS))
                .isInstanceOf(S3ServerException.class)
                .hasMessage("The server is busy or unavailable (503 SlowDown). Try again in a moment.");
    }

    @Test
    void expiredSessionTokenIsAccessDenied() {
        HANDLER.set(exchange -> respond(exchange, 400, Map.of(),
                "<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>"));

        assertThatThrownBy(() -> client.headObject(endpoint, CREDENTIALS, BUCKET, "a.txt"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("the session token has expired");
    }

    @Test
    void plainForbiddenIsAccessDeniedAboutPermissions() {
        HANDLER.set(exchange -> respond(exchange, 403, Map.of(),
                "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"));

        assertThatThrownBy(() -> client.headObject(endpoint, CREDENTIALS, BUCKET, "a.txt"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Access denied: check the access key and its permissions for this bucket.");
    }

    @Test
    void forbiddenWithAFarOffServerDateIsAClockProblem() throws IOException {
        String twoHoursAhead = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusHours(2).plusSeconds(30));
        String answer = "HTTP/1.1 403 Forbidden\r\nDate: " + twoHoursAhead + "\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n";
        try (RawSocketServer raw = new RawSocketServer(answer, true)) {
            S3Endpoint rawEndpoint = S3Endpoint.custom("http://127.0.0.1:" + raw.port(), "us-east-1", true);

            assertThatThrownBy(() -> client.headObject(rawEndpoint, CREDENTIALS, BUCKET, "a.txt"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageStartingWith("Access denied: your computer's clock is 2 hours behind the server's.");
        }
        assertThat(client.lastServerDate()).hasValueSatisfying(d -> assertThat(d.isSkewTooLarge()).isTrue());
    }

    @Test
    void requestTimeTooSkewedBodyGivesTheClockMessage() {
        HANDLER.set(exchange -> respond(exchange, 403, Map.of(), "<Error><Code>RequestTimeTooSkewed</Code>"
                + "<Message>The difference between the request time and the current time is too large.</Message>"
                + "<RequestTime>20240101T120000Z</RequestTime><ServerTime>2024-01-01T12:20:00Z</ServerTime>"
                + "<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>"));

        assertThatThrownBy(() -> client.listBuckets(endpoint, CREDENTIALS))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageStartingWith("Access denied: your computer's clock is 20 minutes behind the server's.");
    }

    @Test
    void slowServerTimesOut() {
        S3Http impatient = new S3Http(Duration.ofSeconds(2), Duration.ofMillis(300));
        HANDLER.set(exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, Map.of(), "");
        });

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.headObject(endpoint, CREDENTIALS, BUCKET, "a.txt"))
                .isInstanceOf(S3NetworkException.class)
                .hasMessage("The server did not answer within 300 ms. Check the endpoint URL and your network, then try again.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void closedPortIsNothingListening() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        S3Endpoint closed = S3Endpoint.custom("http://127.0.0.1:" + port, "us-east-1", true);

        assertThatThrownBy(() -> client.headObject(closed, CREDENTIALS, BUCKET, "a.txt"))
                .isInstanceOfSatisfying(S3NetworkException.class, e -> assertThat(e.status()).isZero())
                .hasMessageStartingWith("Nothing is listening at 127.0.0.1:" + port + " — is the server running?");
    }

    @Test
    void unresolvableHostIsHostNotFound() {
        S3Endpoint nowhere = S3Endpoint.custom("http://nonexistent.invalid:9000", "us-east-1", true);

        assertThatThrownBy(() -> client.listBuckets(nowhere, CREDENTIALS))
                .isInstanceOf(S3NetworkException.class)
                .hasMessage("Host nonexistent.invalid not found — check the endpoint URL and your network.");
    }

    @Test
    void httpsToAPlainHttpServerSaysItDoesNotSpeakHttps() throws IOException {
        String answer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        try (RawSocketServer plain = new RawSocketServer(answer, false)) {
            S3Endpoint tls = S3Endpoint.custom("https://127.0.0.1:" + plain.port(), "us-east-1", true);

            assertThatThrownBy(() -> client.listBuckets(tls, CREDENTIALS))
                    .isInstanceOf(S3NetworkException.class)
                    .hasMessage("127.0.0.1:" + plain.port() + " does not speak HTTPS. Check the endpoint URL: it may "
                            + "need http:// instead of https://.");
        }
    }

    @Test
    void connectionClosedWithoutAnAnswerSaysSo() throws IOException {
        try (RawSocketServer closing = new RawSocketServer(null, true)) {
            S3Endpoint silent = S3Endpoint.custom("http://127.0.0.1:" + closing.port(), "us-east-1", true);

            assertThatThrownBy(() -> client.listBuckets(silent, CREDENTIALS))
                    .isInstanceOf(S3NetworkException.class)
                    .hasMessageStartingWith("127.0.0.1:" + closing.port() + " closed the connection without answering.");
        }
    }

    @Test
    void bucketListIsParsed() {
        HANDLER.set(exchange -> respond(exchange, 200, Map.of("Content-Type", "application/xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult "
                        + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>1</ID><DisplayName>me</DisplayName>"
                        + "</Owner><Buckets><Bucket><Name>alpha</Name><CreationDate>2024-02-03T04:05:06.000Z</CreationDate>"
                        + "</Bucket><Bucket><Name>beta</Name></Bucket></Buckets></ListAllMyBucketsResult>"));

        assertThat(client.listBuckets(endpoint, CREDENTIALS)).containsExactly(
                new BucketInfo("alpha", Instant.parse("2024-02-03T04:05:06Z")),
                new BucketInfo("beta", null));
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head || bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
