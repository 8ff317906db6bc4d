package org.linkdesk.profiles.awsconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.AwsCredentials;

/** The real AWS SDK credential chain through our reflective bridge, with no network: static keys and a process. */
class SdkCredentialSourceTest {
    @TempDir
    Path dir;

    @Test
    void credentialProcessWithExpiration() throws IOException {
        Instant expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Path script = dir.resolve("creds.sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"ASIAPROCESS00000001\", "
                + "\"SecretAccessKey\": \"procSecret\", \"SessionToken\": \"procToken\", \"Expiration\": \""
                + expires + "\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile proc]\ncredential_process = " + script + "\n"
                + "[profile static]\naws_access_key_id = AKIASTATIC\naws_secret_access_key = s3cret\n");
        AwsConfigFiles files = new AwsConfigFiles(dir.resolve("no-credentials"), config);

        AwsCredentials proc = AwsCredentialSource.sdk().resolve("proc", files);
        assertThat(proc.accessKeyId()).isEqualTo("ASIAPROCESS00000001");
        assertThat(proc.secretAccessKey()).isEqualTo("procSecret");
        assertThat(proc.sessionToken()).isEqualTo("procToken");
        assertThat(proc.expiration()).isEqualTo(expires);

        AwsCredentials stat = AwsCredentialSource.sdk().resolve("static", files);
        assertThat(stat.accessKeyId()).isEqualTo("AKIASTATIC");
        assertThat(stat.expiration()).isNull();
    }

    @Test
    void unknownProfileAndFailingProcessAreExplained() throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile broken]\ncredential_process = /bin/false\n");
        AwsConfigFiles files = new AwsConfigFiles(dir.resolve("none"), config);
        assertThatThrownBy(() -> AwsCredentialSource.sdk().resolve("missing", files))
                .isInstanceOf(AwsCredentialsUnavailableException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> AwsCredentialSource.sdk().resolve("broken", files))
                .isInstanceOf(AwsCredentialsUnavailableException.class);
    }
}
