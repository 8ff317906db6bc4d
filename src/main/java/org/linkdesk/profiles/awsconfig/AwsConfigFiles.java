package org.linkdesk.profiles.awsconfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the AWS CLI keeps its files: {@code AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_CONFIG_FILE}, else
 * {@code ~/.aws/credentials} and {@code ~/.aws/config}. A leading {@code ~} is expanded like the CLI does.
 */
public record AwsConfigFiles(Path credentials, Path config) {

    public static AwsConfigFiles locate(Map<String, String> env, String userHome) {
        Path home = Path.of(userHome);
        return new AwsConfigFiles(
                pick(env.get("AWS_SHARED_CREDENTIALS_FILE"), home, home.resolve(".aws").resolve("credentials")),
                pick(env.get("AWS_CONFIG_FILE"), home, home.resolve(".aws").resolve("config")));
    }

    /** From the process environment and {@code user.home}. */
    public static AwsConfigFiles system() {
        return locate(System.getenv(), System.getProperty("user.home"));
    }

    private static Path pick(String value, Path home, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        if (v.equals("~") || v.startsWith("~/") || v.startsWith("~\\")) {
            return home.resolve(v.length() > 2 ? v.substring(2) : "");
        }
        return Path.of(v);
    }
}
