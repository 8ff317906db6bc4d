package org.linkdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.S3NetworkException;
import org.linkdesk.core.sign.S3Endpoint;

@ExtendWith(S3ProxyExtension.class)
class S3ProxyServerTest {

    @Test
    void storesReadsAndDeletesObjects(S3ProxyServer s3) {
        String bucket = s3.newBucket();
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);

        s3.putObject(bucket, "/odd//key/", content, "text/plain", Map.of("owner", "ada"));

        assertThat(s3.bucketExists(bucket)).isTrue();
        assertThat(s3.objectExists(bucket, "/odd//key/")).isTrue();
        assertThat(s3.getObject(bucket, "/odd//key/")).hasValueSatisfying(o -> {
            assertThat(o.content()).isEqualTo(content);
            assertThat(o.contentType()).isEqualTo("text/plain");
            assertThat(o.userMetadata()).containsEntry("owner", "ada");
        });
        s3.deleteObject(bucket, "/odd//key/");
        assertThat(s3.getObject(bucket, "/odd//key/")).isEmpty();
    }

    @Test
    void theSharedServerIsOneAndCannotBeStopped(S3ProxyServer s3) {
        assertThat(s3).isSameAs(S3ProxyServer.shared());
        assertThat(s3.endpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThatThrownBy(s3::stop).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPrivateServerStopsListeningWhenStopped() {
        S3ProxyServer own = S3ProxyServer.start();
        S3Endpoint endpoint = own.s3Endpoint();
        S3Http client = new S3Http(Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(client.listBuckets(endpoint, S3ProxyServer.credentials())).isEmpty();

        own.stop();

        assertThatThrownBy(() -> client.listBuckets(endpoint, S3ProxyServer.credentials()))
                .isInstanceOf(S3NetworkException.class)
                .hasMessageStartingWith("Nothing is listening at 127.0.0.1:" + own.port());
    }
}
