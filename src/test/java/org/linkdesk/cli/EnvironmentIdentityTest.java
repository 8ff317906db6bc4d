package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.links.SigningIdentity;

class EnvironmentIdentityTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void defaultsToAmazonS3InUsEast1() {
        SigningIdentity identity = EnvironmentIdentity.resolve(env(), false);

        assertThat(identity.profileId()).isNull();
        assertThat(identity.profileName()).isEqualTo("environment");
        assertThat(identity.credentials().accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(identity.credentials().secretAccessKey()).isEqualTo("secret");
        assertThat(identity.credentials().sessionToken()).isNull();
        assertThat(identity.credentials().expiration()).isNull();
        assertThat(identity.endpoint().region()).isEqualTo("us-east-1");
        assertThat(identity.endpoint().isCustom()).isFalse();
        assertThat(identity.endpoint().address("bucket", "k").authority()).isEqualTo("bucket.s3.amazonaws.com");
    }

    @Test
    void awsRegionWinsOverAwsDefaultRegion() {
        assertThat(EnvironmentIdentity.resolve(env("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-west-2"), false)
                .endpoint().region()).isEqualTo("eu-west-1");
        assertThat(EnvironmentIdentity.resolve(env("AWS_DEFAULT_REGION", "us-west-2"), false)
                .endpoint().region()).isEqualTo("us-west-2");
        assertThat(EnvironmentIdentity.resolve(env("AWS_REGION", " "), false)
                .endpoint().region()).isEqualTo("us-east-1");
    }

    @Test
    void s3EndpointVariableWinsOverTheGeneralOne() {
        SigningIdentity identity = EnvironmentIdentity.resolve(env("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:1234", "AWS_REGION", "eu-central-1"), false);

        assertThat(identity.endpoint().endpointUrl()).isEqualTo("http://127.0.0.1:9000");
        assertThat(identity.endpoint().region()).isEqualTo("eu-central-1");
        assertThat(EnvironmentIdentity.resolve(env("AWS_ENDPOINT_URL", "https://s3.example.com"), false)
                .endpoint().endpointUrl()).isEqualTo("https://s3.example.com");
    }

    @Test
    void pathStyleCanBeForced() {
        SigningIdentity virtual = EnvironmentIdentity.resolve(env("AWS_ENDPOINT_URL", "https://s3.example.com"), false);
        SigningIdentity path = EnvironmentIdentity.resolve(env("AWS_ENDPOINT_URL", "https://s3.example.com"), true);

        assertThat(virtual.endpoint().address("bucket", "k").baseUrl()).isEqualTo("https://bucket.s3.example.com/k");
        assertThat(path.endpoint().address("bucket", "k").baseUrl()).isEqualTo("https://s3.example.com/bucket/k");
    }

    @Test
    void readsSessionTokenAndCredentialExpiration() {
        SigningIdentity identity = EnvironmentIdentity.resolve(env("AWS_SESSION_TOKEN", "token",
                "AWS_CREDENTIAL_EXPIRATION", "2030-01-31T12:00:00+01:00"), false);

        assertThat(identity.credentials().sessionToken()).isEqualTo("token");
        assertThat(identity.credentials().expiration()).isEqualTo(Instant.parse("2030-01-31T11:00:00Z"));
        assertThat(identity.toString()).doesNotContain("secret").doesNotContain("token");
    }

    @Test
    void explainsMissingCredentials() {
        assertThatThrownBy(() -> EnvironmentIdentity.resolve(Map.of(), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                        + "or use a saved profile with --profile NAME.");
        assertThatThrownBy(() -> EnvironmentIdentity.resolve(Map.of("AWS_ACCESS_KEY_ID", "AKID"), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("AWS_SECRET_ACCESS_KEY is not");
    }

    @Test
    void explainsBadValues() {
        assertThatThrownBy(() -> EnvironmentIdentity.resolve(env("AWS_CREDENTIAL_EXPIRATION", "tomorrow"), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("AWS_CREDENTIAL_EXPIRATION");
        assertThatThrownBy(() -> EnvironmentIdentity.resolve(env("AWS_ENDPOINT_URL_S3", "ftp://host"), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> EnvironmentIdentity.resolve(env("AWS_REGION", "Not A Region"), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a region name");
    }
}
