package org.linkdesk.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.testing.S3ProxyExtension;
import org.linkdesk.testing.S3ProxyServer;

@ExtendWith(S3ProxyExtension.class)
class PostPolicyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");
    static final AwsCredentials CREDS = AwsCredentials.of("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    static PostPolicyRequest prefixRequest() {
        return new PostPolicyRequest("inbox-bucket", null, "inbox/", 1, 10 * 1024 * 1024, null, "image/",
                Duration.ofHours(2), null, 201, Map.of("From", "alice"));
    }

    static JsonNode policy(PresignedPost post) throws Exception {
        return JSON.readTree(Base64.getDecoder().decode(post.fields().get("policy")));
    }

    @Test
    void documentHoldsEveryCondition() throws Exception {
        PresignedPost post = PostPolicies.sign(S3Endpoint.aws("eu-west-1", false), CREDS, prefixRequest(), NOW);
        JsonNode doc = policy(post);
        assertThat(doc.get("expiration").asText()).isEqualTo("2026-12-04T12:15:30.000Z");
        String conditions = doc.get("conditions").toString();
        assertThat(conditions).contains("{\"bucket\":\"inbox-bucket\"}",
                "[\"starts-with\",\"$key\",\"inbox/\"]",
                "[\"content-length-range\",1,10485760]",
                "[\"starts-with\",\"$Content-Type\",\"image/\"]",
                "{\"success_action_status\":\"201\"}",
                "{\"x-amz-meta-from\":\"alice\"}",
                "{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"}",
                "{\"x-amz-credential\":\"AKIAIOSFODNN7EXAMPLE/20261204/eu-west-1/s3/aws4_request\"}",
                "{\"x-amz-date\":\"20261204T101530Z\"}");
        assertThat(post.url()).isEqualTo("https://inbox-bucket.s3.eu-west-1.amazonaws.com/");
        assertThat(post.fields()).containsEntry("key", "inbox/${filename}")
                .containsEntry("success_action_status", "201").containsEntry("x-amz-meta-from", "alice")
                .doesNotContainKey("Content-Type");
        assertThat(List.copyOf(post.fields().keySet())).endsWith("policy", "x-amz-signature");
    }

    @Test
    void exactKeyTypeAndRedirect() throws Exception {
        PostPolicyRequest r = new PostPolicyRequest("b-ucket", "scans/form.pdf", null, 0, 100, "application/pdf",
                null, Duration.ofMinutes(5), "https://example.com/thanks?x=1&y=<2>", 204, Map.of());
        PresignedPost post = PostPolicies.sign(S3Endpoint.aws("us-east-1", false), CREDS, r, NOW);
        String conditions = policy(post).get("conditions").toString();
        assertThat(conditions).contains("{\"key\":\"scans/form.pdf\"}", "{\"Content-Type\":\"application/pdf\"}",
                "{\"success_action_redirect\":\"https://example.com/thanks?x=1&y=<2>\"}")
                .doesNotContain("success_action_status");
        assertThat(post.fields()).containsEntry("Content-Type", "application/pdf");
        String html = PostPolicyOutputs.html(post);
        assertThat(html).contains("https://example.com/thanks?x=1&amp;y=&lt;2&gt;").doesNotContain("y=<2>");
        assertThat(html).contains("Type: application/pdf", "Saved as scans/form.pdf");
    }

    @Test
    void signatureIsTheHmacOfTheBase64PolicyWithTheDaysKey() throws Exception {
        PresignedPost post = PostPolicies.sign(S3Endpoint.aws("eu-west-1", false), CREDS, prefixRequest(), NOW);
        assertThat(post.fields().get("x-amz-signature")).isEqualTo(independentSignature(CREDS.secretAccessKey(),
                "20261204", "eu-west-1", post.fields().get("policy")));
    }

    @Test
    void refusesWhatS3WouldReject() {
        assertThatThrownBy(() -> new PostPolicyRequest("bucket", "k", "p/", 0, 1, null, null, Duration.ofHours(1),
                null, 204, Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PostPolicyRequest("bucket", null, "", 10, 1, null, null, Duration.ofHours(1),
                null, 204, Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PostPolicyRequest("bucket", null, "", 0, 1, null, null, Duration.ofDays(8),
                null, 204, Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PostPolicyRequest("bucket", null, "", 0, 1, null, null, Duration.ofHours(1),
                "javascript:alert(1)", 204, Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PostPolicyRequest("bucket", null, "", 0, 1, null, null, Duration.ofHours(1),
                null, 302, Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PostPolicyRequest("bucket", null, "", 0, 1, null, null, Duration.ofHours(1),
                null, 204, Map.of("bad name", "x"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void curlCommandQuotesEveryField() {
        PostPolicyRequest r = new PostPolicyRequest("bucket", "it's @here.txt", null, 0, 10, null, null,
                Duration.ofHours(1), null, 204, Map.of());
        String curl = PostPolicyOutputs.curl(PostPolicies.sign(S3Endpoint.aws("us-east-1", false), CREDS, r, NOW),
                "my file.txt");
        assertThat(curl).contains("--form-string 'key=it'\\''s @here.txt'", "-F 'file=@\"my file.txt\"'");
    }

    @Test
    void s3ProxyAcceptsAFormSignedIndependently(S3ProxyServer s3) throws Exception {
        String bucket = s3.newBucket();
        Instant now = Instant.now();
        PostPolicyRequest r = new PostPolicyRequest(bucket, "post/hello.txt", null, 0, 100, "text/plain", null,
                Duration.ofMinutes(10), null, 204, Map.of("from", "test"));
        PresignedPost post = PostPolicies.sign(s3.s3Endpoint(), S3ProxyServer.credentials(), r, now);
        String date = post.fields().get("x-amz-date").substring(0, 8);
        String independent = independentSignature(S3ProxyServer.SECRET_ACCESS_KEY, date, S3ProxyServer.REGION,
                post.fields().get("policy"));
        assertThat(post.fields().get("x-amz-signature")).isEqualTo(independent);
        byte[] content = "hello from a form".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = postForm(post.url(), post.fields(), "hello.txt", content);
        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(s3.getObject(bucket, "post/hello.txt").orElseThrow().content()).isEqualTo(content);

        Map<String, String> tampered = new java.util.LinkedHashMap<>(post.fields());
        tampered.put("x-amz-signature", independentSignature("wrong-secret", date, S3ProxyServer.REGION,
                post.fields().get("policy")));
        assertThat(postForm(post.url(), tampered, "hello.txt", content).statusCode()).isEqualTo(403);
    }

    static HttpResponse<String> postForm(String url, Map<String, String> fields, String fileName, byte[] content)
            throws Exception {
        String boundary = "----linkdesk" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The SigV4 POST signature written from the AWS documentation, sharing no code with Linkdesk's signer. */
    static String independentSignature(String secret, String date, String region, String base64Policy)
            throws Exception {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, base64Policy));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
