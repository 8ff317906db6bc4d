package org.linkdesk.profiles.awsconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing credential_process says what failed: exit code and first error line, with secrets masked. */
class ProcessCredentialsTest {
    @TempDir
    Path dir;

    private AwsConfigFiles files(String config) throws Exception {
        Path c = dir.resolve("config");
        Files.writeString(c, config);
        return new AwsConfigFiles(dir.resolve("credentials"), c);
    }

    @Test
    void aFailureGivesTheExitCodeAndTheFirstErrorLineMasked() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        AwsConfigFiles f = files("[profile p]\ncredential_process = sh -c \"echo 'login failed token=abcSECRETxyz'"
                + " >&2; echo second line >&2; exit 3\"\n");
        assertThatThrownBy(() -> AwsCredentialSource.sdk().resolve("p", f))
                .isInstanceOf(AwsCredentialsUnavailableException.class)
                .hasMessageContaining("exit code 3").hasMessageContaining("login failed token=****")
                .hasMessageNotContaining("SECRET").hasMessageNotContaining("second line");
    }

    @Test
    void goodOutputGivesTheCredentials() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        AwsConfigFiles f = files("[profile ok]\ncredential_process = echo '{\"Version\": 1, \"AccessKeyId\": "
                + "\"AKIAPROCESS\", \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\", \"Expiration\": "
                + "\"2999-01-01T00:00:00Z\"}'\n");
        var c = AwsCredentialSource.sdk().resolve("ok", f);
        assertThat(c.accessKeyId()).isEqualTo("AKIAPROCESS");
        assertThat(c.sessionToken()).isEqualTo("t");
    }

    @Test
    void outputThatIsNotTheExpectedJsonIsNamed() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        AwsConfigFiles f = files("[profile bad]\ncredential_process = echo not json\n");
        assertThatThrownBy(() -> AwsCredentialSource.sdk().resolve("bad", f))
                .hasMessageContaining("did not print the JSON");
    }

    @Test
    void masking() {
        assertThat(ProcessCredentials.firstLine("\n  Error: password=hunter2 and AKIAIOSFODNN7EXAMPLE1\nmore"))
                .isEqualTo("Error: password=**** and ****");
    }

    @Test
    void onlyProfilesThatUseTheProcessDirectlyAreRunByLinkdesk() throws Exception {
        AwsConfigFiles f = files("[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = p\n"
                + "[profile p]\ncredential_process = x\n");
        assertThat(ProcessCredentials.commandOf("r", f)).isEmpty();
        assertThat(ProcessCredentials.commandOf("p", f)).contains("x");
    }
}
