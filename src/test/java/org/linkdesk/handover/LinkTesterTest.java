package org.linkdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.links.ScriptedHttpServer;
import org.linkdesk.testing.S3ProxyServer;

/** {@link LinkTester} against S3Proxy, and a scripted server for the answers S3Proxy cannot give. */
class LinkTesterTest {
    private static final String KEY = "reports/q1 2025+final.txt";
    private static final byte[] BODY = "nineteen bytes long".getBytes(StandardCharsets.UTF_8);
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private static final LinkTester TESTER = new LinkTester(HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build(), Clock.systemUTC(), Duration.ofSeconds(30),
            Duration.ofSeconds(3));
    private static ScriptedHttpServer scripted;
    private static String bucket;

    @BeforeAll
    static void start() throws Exception {
        scripted = new ScriptedHttpServer();
        bucket = S3.newBucket();
        S3.putObject(bucket, KEY, BODY, "text/plain");
    }

    @AfterAll
    static void stop() throws Exception {
        scripted.close();
    }

    private static String sign(HttpMethod method, String key, Instant at, Duration lifetime, String contentType) {
        LinkOptions options = new LinkOptions(method, lifetime, null, false, null, null, contentType);
        return new SigV4Presigner().presign(S3.s3Endpoint(), S3ProxyServer.credentials(),
                options.toRequest(bucket, key, lifetime), at).url();
    }

    private static String sign(HttpMethod method) {
        return sign(method, KEY, Instant.now(), Duration.ofMinutes(10), null);
    }

    @Test
    void aWorkingLinkGivesSizeAndType() {
        LinkTestResult r = TESTER.test(sign(HttpMethod.GET), HttpMethod.GET, null);
        assertThat(r.diagnosis()).as(r.detail()).isEqualTo(Diagnosis.OK);
        assertThat(r.ok()).isTrue();
        assertThat(r.size()).isEqualTo(BODY.length);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.skewSeconds()).isNotNull();
        assertThat(TESTER.test(sign(HttpMethod.HEAD), HttpMethod.HEAD, null).diagnosis()).isEqualTo(Diagnosis.OK);
    }

    @Test
    void anExpiredLinkSaysWhen() {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        LinkTestResult r = TESTER.test(sign(HttpMethod.GET, KEY, twoHoursAgo, Duration.ofMinutes(5), null),
                HttpMethod.GET, null);
        assertThat(r.diagnosis()).as(r.detail()).isEqualTo(Diagnosis.EXPIRED);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.detail()).contains("expired at " + twoHoursAgo.plus(Duration.ofMinutes(5))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void aTamperedSignatureIsAMismatch() {
        String url = sign(HttpMethod.GET);
        String tampered = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
        LinkTestResult r = TESTER.test(tampered, HttpMethod.GET, null);
        assertThat(r.diagnosis()).as(r.detail()).isEqualTo(Diagnosis.SIGNATURE_MISMATCH);
        assertThat(r.detail()).contains("secret key");
    }

    @Test
    void aUrlWhoseEncodingWasChangedIsCalledAltered() {
        String url = sign(HttpMethod.GET).replace("%20", "+");
        LinkTestResult r = TESTER.test(url, HttpMethod.GET, null);
        assertThat(r.diagnosis()).as(r.detail()).isEqualTo(Diagnosis.SIGNATURE_MISMATCH);
        assertThat(r.detail()).contains("changed after it was signed").contains("'+'");
    }

    @Test
    void aLinkSignedAheadOfTheServersClockIsNotYetValid() {
        // S3Proxy does not check the signing time against its clock; Amazon S3 answers like this.
        scripted.answer = answer("403 Forbidden", Instant.now(), "<Error><Code>AccessDenied</Code><Message>Request "
                + "is not valid yet</Message></Error>");
        LinkTestResult r = TESTER.test(scriptedLink(Instant.now().plus(Duration.ofHours(2))), HttpMethod.GET, null);
        assertThat(r.diagnosis()).as(r.detail()).isEqualTo(Diagnosis.NOT_YET_VALID);
        assertThat(r.detail()).contains("ahead of the server's clock");
    }

    @Test
    void aPutLinkWithoutItsSignedContentTypeNamesTheHeaderAndStoresNothing() {
        String key = "uploads/probe.txt";
        String url = sign(HttpMethod.PUT, key, Instant.now(), Duration.ofMinutes(10), "text/csv");
        LinkTestResult missing = TESTER.test(url, HttpMethod.PUT, null);
        assertThat(missing.diagnosis()).as(missing.detail()).isEqualTo(Diagnosis.SIGNATURE_MISMATCH);
        assertThat(missing.detail()).contains("content-type").contains("--content-type");
        LinkTestResult ok = TESTER.test(url, HttpMethod.PUT, "text/csv");
        assertThat(ok.diagnosis()).as(ok.detail()).isEqualTo(Diagnosis.OK);
        assertThat(ok.status()).isEqualTo(100);
        assertThat(ok.detail()).contains("nothing was uploaded");
        assertThat(S3.objectExists(bucket, key)).isFalse();
    }

    @Test
    void aDeletedObjectOrBucketIsNotFound() {
        String key = "to-delete.txt";
        S3.putObject(bucket, key, BODY, "text/plain");
        String url = sign(HttpMethod.GET, key, Instant.now(), Duration.ofMinutes(10), null);
        S3.deleteObject(bucket, key);
        assertThat(TESTER.test(url, HttpMethod.GET, null).diagnosis()).isEqualTo(Diagnosis.NO_SUCH_KEY);
        String noBucket = new SigV4Presigner().presign(S3.s3Endpoint(), S3ProxyServer.credentials(),
                LinkOptions.get(Duration.ofMinutes(5)).toRequest("no-such-bucket-" + System.nanoTime(), "a",
                        Duration.ofMinutes(5))).url();
        assertThat(TESTER.test(noBucket, HttpMethod.GET, null).diagnosis()).isEqualTo(Diagnosis.NO_SUCH_BUCKET);
    }

    @Test
    void anUnreachableServerIsANetworkFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LinkTestResult r = TESTER.test("http://127.0.0.1:" + port + "/b/k?X-Amz-Signature=00", HttpMethod.GET, null);
        assertThat(r.diagnosis()).isEqualTo(Diagnosis.NETWORK);
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).contains("connection refused");
    }

    @Test
    void aWrongRegionAnswerNamesTheRightRegion() {
        scripted.answer = answer("400 Bad Request", Instant.now(), "<Error><Code>AuthorizationQueryParametersError"
                + "</Code><Message>Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; "
                + "expecting 'eu-west-2'</Message><Region>eu-west-2</Region></Error>");
        LinkTestResult r = TESTER.test(scriptedLink(Instant.now()), HttpMethod.GET, null);
        assertThat(r.diagnosis()).as(r.detail()).isEqualTo(Diagnosis.WRONG_REGION);
        assertThat(r.detail()).contains("signed for region us-east-1").contains("is in eu-west-2");
    }

    @Test
    void aComputerWhoseClockIsOffGetsTheSkew() {
        Instant serverNow = Instant.now().minus(Duration.ofHours(2));
        scripted.answer = answer("403 Forbidden", serverNow, "<Error><Code>RequestTimeTooSkewed</Code><Message>The "
                + "difference between the request time and the current time is too large.</Message></Error>");
        LinkTestResult r = TESTER.test(scriptedLink(Instant.now()), HttpMethod.GET, null);
        assertThat(r.diagnosis()).as(r.detail()).isEqualTo(Diagnosis.CLOCK_SKEW);
        assertThat(r.skewSeconds()).isBetween(-7300L, -7100L);
        assertThat(r.detail()).contains("2 h").contains("ahead of the server's");
    }

    @Test
    void kmsAndPolicyRefusalsAreAccessDenied() {
        scripted.answer = answer("403 Forbidden", Instant.now(), "<Error><Code>AccessDenied</Code><Message>The "
                + "ciphertext refers to a customer master key that does not exist (KMS)</Message></Error>");
        LinkTestResult kms = TESTER.test(scriptedLink(Instant.now()), HttpMethod.GET, null);
        assertThat(kms.diagnosis()).isEqualTo(Diagnosis.ACCESS_DENIED);
        assertThat(kms.detail()).contains("KMS key");
        scripted.answer = answer("403 Forbidden", Instant.now(), "<Error><Code>AccessDenied</Code><Message>Access "
                + "Denied</Message></Error>");
        assertThat(TESTER.test(scriptedLink(Instant.now()), HttpMethod.GET, null).detail()).contains("bucket policy");
    }

    @Test
    void deleteLinksAndNonLinksAreRefusedInWords() {
        assertThatThrownBy(() -> TESTER.test(sign(HttpMethod.GET), HttpMethod.DELETE, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("without deleting");
        assertThatThrownBy(() -> TESTER.test("s3://bucket/key", HttpMethod.GET, null))
                .isInstanceOf(InvalidInputException.class);
    }

    private static String scriptedLink(Instant at) {
        return new SigV4Presigner().presign(S3Endpoint.custom(scripted.endpoint(), "us-east-1", true),
                S3ProxyServer.credentials(), LinkOptions.get(Duration.ofHours(1)).toRequest("bucket", "key",
                        Duration.ofHours(1)), at).url();
    }

    private static String answer(String status, Instant date, String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 " + status + "\r\nDate: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(date, ZoneOffset.UTC)) + "\r\nContent-Type: application/xml\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n" + xml;
    }
}
