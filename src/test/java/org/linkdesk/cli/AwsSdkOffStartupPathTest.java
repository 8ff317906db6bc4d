package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK credential modules and the keychain library stay off the usual path: a presign with access keys loads
 * none of their classes; one with an AWS CLI profile loads the SDK on demand.
 */
class AwsSdkOffStartupPathTest {
    @TempDir
    Path tmp;

    private List<String> loadedClasses(Map<String, String> env, String... args) throws Exception {
        Path classLog = tmp.resolve("classes-" + System.nanoTime() + ".log");
        Path output = tmp.resolve("output.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + classLog, "-cp",
                System.getProperty("java.class.path"), "org.linkdesk.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        return Files.readAllLines(classLog, StandardCharsets.UTF_8);
    }

    @Test
    void accessKeysNeedNoSdkAndAnAwsProfileLoadsItOnDemand() throws Exception {
        List<String> plain = loadedClasses(Map.of("AWS_ACCESS_KEY_ID", "AKIAPLAIN", "AWS_SECRET_ACCESS_KEY",
                "plainSecret", "AWS_REGION", "eu-west-1"), "presign", "s3://bucket/key.txt", "--data-dir",
                tmp.resolve("data").toString());
        assertThat(plain).anyMatch(l -> l.contains(" org.linkdesk.core.sign.SigV4Presigner "));
        assertThat(plain).filteredOn(l -> l.contains(" software.amazon.awssdk.")).isEmpty();
        assertThat(plain).filteredOn(l -> l.contains(" com.github.javakeyring.")).isEmpty();

        Path script = tmp.resolve("creds.sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"ASIAPROC\", "
                + "\"SecretAccessKey\": \"procSecret\", \"SessionToken\": \"tok\", \"Expiration\": \""
                + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(tmp.resolve("config"), "[profile proc]\ncredential_process = " + script
                + "\nregion = eu-west-1\n");
        List<String> viaProcess = loadedClasses(Map.of("AWS_CONFIG_FILE", tmp.resolve("config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("none").toString()), "presign", "--aws-profile", "proc",
                "s3://bucket/key.txt", "--data-dir", tmp.resolve("data").toString());
        // credential_process is run by Linkdesk itself (so that its failures can be explained): no SDK needed.
        assertThat(viaProcess).filteredOn(l -> l.contains(" software.amazon.awssdk.")).isEmpty();

        Files.writeString(tmp.resolve("credentials"), "[keys]\naws_access_key_id = AKIAKEYS\n"
                + "aws_secret_access_key = keysSecret\n");
        List<String> viaSdk = loadedClasses(Map.of("AWS_CONFIG_FILE", tmp.resolve("config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("credentials").toString(), "AWS_REGION", "eu-west-1"),
                "presign", "--aws-profile", "keys", "s3://bucket/key.txt", "--data-dir",
                tmp.resolve("data").toString());
        assertThat(viaSdk).anyMatch(l -> l.contains(" software.amazon.awssdk.auth.credentials."
                + "ProfileCredentialsProvider "));
    }
}
