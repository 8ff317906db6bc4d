package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class S3EndpointTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void asksForAnEndpointWhenThereIsNone(String url) {
        assertThatThrownBy(() -> S3Endpoint.parseEndpoint(url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Enter an endpoint URL such as https://s3.example.com or http://127.0.0.1:9000.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://files.example.com|The endpoint URL must start with http:// or https:// (got ftp://files.example.com).",
        "s3.example.com|The endpoint URL must start with http:// or https:// (got s3.example.com).",
        "localhost:9000|The endpoint URL must start with http:// or https:// (got localhost:9000).",
        "/just/a/path|The endpoint URL must start with http:// or https:// (got /just/a/path).",
        "http://|The endpoint URL is not a valid URL: http://",
        "http://exa mple.com|The endpoint URL is not a valid URL: http://exa mple.com",
        "https://s3.example.com/a b|The endpoint URL is not a valid URL: https://s3.example.com/a b",
        "http:///bucket|The endpoint URL has no host name: http:///bucket",
        "http://host:abc|The endpoint URL has an invalid host name or port: http://host:abc (host names use letters, digits, '-' and '.'; the port is a number).",
        "http://my_host.example.com|The endpoint URL has an invalid host name or port: http://my_host.example.com (host names use letters, digits, '-' and '.'; the port is a number).",
        "http://127.0.0.1:70000|The endpoint URL has an invalid port: http://127.0.0.1:70000 (ports go from 1 to 65535).",
        "http://127.0.0.1:0|The endpoint URL has an invalid port: http://127.0.0.1:0 (ports go from 1 to 65535).",
        "https://s3.example.com?x=1|The endpoint URL must not have a query, fragment or user name: https://s3.example.com?x=1",
        "https://s3.example.com#top|The endpoint URL must not have a query, fragment or user name: https://s3.example.com#top",
        "https://me@s3.example.com|The endpoint URL must not have a query, fragment or user name: https://me@s3.example.com"})
    void explainsWhatIsWrongWithAMalformedEndpoint(String url, String message) {
        assertThatThrownBy(() -> S3Endpoint.custom(url, "us-east-1", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }

    @Test
    void explainsABadRegion() {
        assertThatThrownBy(() -> S3Endpoint.aws("EU_WEST", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("'EU_WEST' is not a region name (lower-case letters, digits and '-', like eu-west-1).");
        assertThatThrownBy(() -> S3Endpoint.aws(" ", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Enter a region such as us-east-1.");
    }

    @Test
    void awsUsesVirtualHostedStyleInTheRegionalHost() {
        S3Address a = S3Endpoint.aws("eu-west-1", false).address("my-bucket", "dir/a b.txt");
        assertThat(a.baseUrl()).isEqualTo("https://my-bucket.s3.eu-west-1.amazonaws.com/dir/a%20b.txt");
        assertThat(a.authority()).isEqualTo("my-bucket.s3.eu-west-1.amazonaws.com");
        assertThat(a.encodedPath()).isEqualTo("/dir/a%20b.txt");
    }

    @Test
    void awsHostsForUsEast1AndChina() {
        assertThat(S3Endpoint.aws("us-east-1", false).address("b-1", "k").baseUrl()).isEqualTo("https://b-1.s3.amazonaws.com/k");
        assertThat(S3Endpoint.aws("cn-north-1", false).address("b-1", "k").baseUrl())
                .isEqualTo("https://b-1.s3.cn-north-1.amazonaws.com.cn/k");
    }

    @Test
    void forcedPathStylePutsTheBucketInThePath() {
        S3Endpoint e = S3Endpoint.aws("eu-central-1", true);
        assertThat(e.usesPathStyle("my-bucket")).isTrue();
        assertThat(e.address("my-bucket", "k").baseUrl()).isEqualTo("https://s3.eu-central-1.amazonaws.com/my-bucket/k");
    }

    @Test
    void dottedBucketsUsePathStyleOverHttpsOnly() {
        assertThat(S3Endpoint.aws("eu-west-1", false).address("my.bucket", "k").baseUrl())
                .isEqualTo("https://s3.eu-west-1.amazonaws.com/my.bucket/k");
        assertThat(S3Endpoint.custom("https://minio.example.com", "us-east-1", false).usesPathStyle("my.bucket")).isTrue();
        assertThat(S3Endpoint.custom("http://minio.example.com", "us-east-1", false).address("my.bucket", "k").baseUrl())
                .isEqualTo("http://my.bucket.minio.example.com/k");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000", "https://10.1.2.3", "http://localhost:9000", "http://LOCALHOST",
        "http://[::1]:9000"})
    void ipAddressesAndLocalhostUsePathStyle(String url) {
        S3Endpoint e = S3Endpoint.custom(url, "us-east-1", false);
        assertThat(e.usesPathStyle("bucket")).isTrue();
        assertThat(e.address("bucket", "k").encodedPath()).isEqualTo("/bucket/k");
    }

    @Test
    void customHostNamesUseVirtualHostedStyleUnlessForced() {
        S3Endpoint e = S3Endpoint.custom("https://MinIO.Example.com:9443", "eu-central-1", false);
        assertThat(e.address("bucket", "k").baseUrl()).isEqualTo("https://bucket.minio.example.com:9443/k");
        assertThat(S3Endpoint.custom("https://minio.example.com", "eu-central-1", true).address("bucket", "k").baseUrl())
                .isEqualTo("https://minio.example.com/bucket/k");
    }

    @Test
    void defaultPortsAreLeftOut() {
        assertThat(S3Endpoint.custom("https://s3.example.com:443", "r", true).authority()).isEqualTo("s3.example.com");
        assertThat(S3Endpoint.custom("http://s3.example.com:80", "r", true).authority()).isEqualTo("s3.example.com");
        assertThat(S3Endpoint.custom("http://s3.example.com:443", "r", true).authority()).isEqualTo("s3.example.com:443");
    }

    @Test
    void aBasePathPrefixesEveryPathWithoutItsTrailingSlash() {
        S3Endpoint e = S3Endpoint.custom("https://gw.example.com/tenant-1/", "us-east-1", true);
        assertThat(e.endpointUrl()).isEqualTo("https://gw.example.com/tenant-1");
        assertThat(e.address("bucket", "/a.txt").baseUrl()).isEqualTo("https://gw.example.com/tenant-1/bucket//a.txt");
        assertThat(e.serviceAddress().baseUrl()).isEqualTo("https://gw.example.com/tenant-1/");
        assertThat(S3Endpoint.custom("https://gw.example.com/s3", "us-east-1", false).address("bucket", "k").baseUrl())
                .isEqualTo("https://bucket.gw.example.com/s3/k");
    }

    @Test
    void keysAreTakenLiterally() {
        S3Endpoint e = S3Endpoint.aws("eu-west-1", true);
        assertThat(e.address("bucket", "/a//b/../c/").encodedPath()).isEqualTo("/bucket//a//b/../c/");
        assertThat(e.address("bucket", "").encodedPath()).isEqualTo("/bucket/");
        assertThat(S3Endpoint.aws("eu-west-1", false).address("bucket", "").encodedPath()).isEqualTo("/");
    }

    @Test
    void ofChoosesAwsWithoutAnEndpointUrl() {
        assertThat(S3Endpoint.of(null, "eu-west-1", false)).isEqualTo(S3Endpoint.aws("eu-west-1", false));
        assertThat(S3Endpoint.of(" ", "eu-west-1", false).isCustom()).isFalse();
        assertThat(S3Endpoint.of(" http://127.0.0.1:9000 ", "us-east-1", false).endpointUrl()).isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void withRegionKeepsTheRest() {
        assertThat(S3Endpoint.aws("us-east-1", true).withRegion("eu-west-2")).isEqualTo(S3Endpoint.aws("eu-west-2", true));
        S3Endpoint moved = S3Endpoint.custom("http://127.0.0.1:9000/base", "us-east-1", false).withRegion("garage");
        assertThat(moved.region()).isEqualTo("garage");
        assertThat(moved.endpointUrl()).isEqualTo("http://127.0.0.1:9000/base");
        assertThat(moved.toString()).isEqualTo("http://127.0.0.1:9000/base (garage)");
    }
}
