package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class HeaderSignerTest {
    private static final AwsCredentials DOC = AwsCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static final Instant DOC_TIME = Instant.parse("2013-05-24T00:00:00Z");
    private static final String DOC_PREFIX = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=";

    @Test
    void reproducesTheAwsDocumentationExampleGetBucketLifecycle() {
        S3Address bucket = S3Endpoint.aws("us-east-1", false).address("examplebucket", "");
        Map<String, String> headers = HeaderSigner.sign("GET", bucket, Map.of("lifecycle", ""), DOC, "us-east-1", DOC_TIME);
        assertThat(headers).containsExactly(
                Map.entry("x-amz-content-sha256", SigV4.EMPTY_SHA256),
                Map.entry("x-amz-date", "20130524T000000Z"),
                Map.entry("authorization", DOC_PREFIX + "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"));
    }

    @Test
    void reproducesTheAwsDocumentationExampleListObjects() {
        S3Address bucket = S3Endpoint.aws("us-east-1", false).address("examplebucket", "");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("prefix", "J");
        query.put("max-keys", "2");
        Map<String, String> headers = HeaderSigner.sign("GET", bucket, query, DOC, "us-east-1", DOC_TIME);
        assertThat(headers.get("authorization"))
                .isEqualTo(DOC_PREFIX + "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void canonicalQuerySortsByEncodedName() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("prefix", "a b/");
        query.put("list-type", "2");
        query.put("delimiter", "/");
        query.put("continuation-token", null);
        assertThat(HeaderSigner.canonicalQuery(query))
                .isEqualTo("continuation-token=&delimiter=%2F&list-type=2&prefix=a%20b%2F");
    }

    @Test
    void matchesTheSdkHeaderSignerOnRandomRequests() {
        SplittableRandom r = new SplittableRandom(7);
        AwsV4HttpSigner sdk = AwsV4HttpSigner.create();
        for (int i = 0; i < 300; i++) {
            PresignCase c = RandomPresignCases.generate(99, i);
            String method = new String[] {"GET", "HEAD", "DELETE"}[r.nextInt(3)];
            S3Address address = r.nextBoolean() ? c.endpoint().address(c.bucket(), c.key()) : c.endpoint().serviceAddress();
            Map<String, String> query = new LinkedHashMap<>();
            if (r.nextBoolean()) {
                query.put("list-type", "2");
                query.put("prefix", RandomPresignCases.key(r));
                query.put("delimiter", "/");
            }
            if (r.nextInt(4) == 0) {
                query.put("continuation-token", RandomPresignCases.key(r));
            }
            Map<String, String> ours = HeaderSigner.sign(method, address, query, c.credentials(), c.region(), c.signingTime());

            SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                    .method(SdkHttpMethod.fromValue(method))
                    .uri(java.net.URI.create(address.baseUrl()))
                    .encodedPath(address.encodedPath())
                    .putHeader("x-amz-content-sha256", SigV4.EMPTY_SHA256);
            query.forEach(request::appendRawQueryParameter);
            AwsCredentials k = c.credentials();
            AwsCredentialsIdentity identity = k.hasSessionToken()
                    ? AwsSessionCredentialsIdentity.create(k.accessKeyId(), k.secretAccessKey(), k.sessionToken())
                    : AwsCredentialsIdentity.create(k.accessKeyId(), k.secretAccessKey());
            SignedRequest signed = sdk.sign(s -> s.identity(identity)
                    .request(request.build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, c.region())
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(c.signingTime(), ZoneOffset.UTC)));
            Map<String, String> theirs = new TreeMap<>();
            signed.request().forEachHeader((name, values) -> {
                if (!name.equalsIgnoreCase("host")) {
                    theirs.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
                }
            });
            assertThat(new TreeMap<>(ours)).as("%s %s?%s%n%s", method, address.baseUrl(), query, c.describe())
                    .isEqualTo(theirs);
        }
    }
}
