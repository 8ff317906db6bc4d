package org.linkdesk.profiles.awsconfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the AWS CLI keeps its files: {@code AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_CONFIG_FILE}, else
 * {@code ~/.aws/credentials} and {@code ~/.aws/config}, with {@code ~} being {@code $HOME} first as for the AWS CLI
 * and SDKs. A leading {@code ~} in the variables is expanded the same way.
 */
public record AwsConfigFiles(Path credentials, Path config) {

    /** @param userHome {@code user.home}, used only when the environment names no home ({@link #home}) */
    public static AwsConfigFiles locate(Map<String, String> env, String userHome) {
        Path home = Path.of(home(env, userHome));
        return new AwsConfigFiles(
                pick(env.get("AWS_SHARED_CREDENTIALS_FILE"), home, home.resolve(".aws").resolve("credentials")),
                pick(env.get("AWS_CONFIG_FILE"), home, home.resolve(".aws").resolve("config")));
    }

    /** From the process environment: {@code $HOME} first, as the AWS CLI and SDKs do, else {@code user.home}. */
    public static AwsConfigFiles system() {
        return locate(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * The home directory the AWS tools use: {@code $HOME} when set (the JVM's {@code user.home} comes from the
     * password database and ignores it), then {@code USERPROFILE} on Windows, then {@code user.home}.
     */
    public static String home(Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank()) {
            return home;
        }
        String profile = env.get("USERPROFILE");
        return profile != null && !profile.isBlank() ? profile : userHome;
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
