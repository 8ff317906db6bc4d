package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsDocExampleTest {

    @Test
    void reproducesTheQueryStringAuthExampleFromTheAwsDocumentation() {
        S3Endpoint endpoint = S3Endpoint.custom("https://s3.amazonaws.com", "us-east-1", false);
        AwsCredentials credentials = AwsCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        PresignedUrl url = new SigV4Presigner().presign(endpoint, credentials,
                PresignRequest.of(HttpMethod.GET, "examplebucket", "test.txt", Duration.ofSeconds(86_400)),
                Instant.parse("2013-05-24T00:00:00Z"));
        assertThat(url.url()).isEqualTo("https://examplebucket.s3.amazonaws.com/test.txt"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=86400"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }
}
