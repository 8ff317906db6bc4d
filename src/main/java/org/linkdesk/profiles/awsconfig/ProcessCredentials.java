package org.linkdesk.profiles.awsconfig;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.linkdesk.core.sign.AwsCredentials;

/**
 * Runs a profile's {@code credential_process} as the AWS CLI does (through the shell), so that a failure can say
 * what failed: the exit code and the first line of its error output, with anything that looks like a secret masked.
 * (The AWS SDK says only "Failed to refresh process-based credentials".) Credentials are reused until five minutes
 * before they expire.
 */
final class ProcessCredentials {
    private static final long TIMEOUT_SECONDS = 60;
    private static final int MAX_OUTPUT = 64 * 1024;
    private static final Map<String, AwsCredentials> CACHE = new ConcurrentHashMap<>();

    private ProcessCredentials() {
    }

    /** The command when {@code profile} gets its credentials directly from credential_process, else empty. */
    static Optional<String> commandOf(String profile, AwsConfigFiles files) {
        String command = null;
        for (var f : List.of(files.credentials(), files.config())) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            for (IniParser.Section s : IniParser.read(f)) {
                boolean match = f.equals(files.credentials()) ? s.header().equals(profile)
                        : s.header().equals("profile " + profile) || (profile.equals("default")
                        && s.header().equals("default"));
                if (match) {
                    if (s.value("role_arn") != null || s.value("sso_session") != null
                            || s.value("sso_start_url") != null || s.value("aws_access_key_id") != null) {
                        return Optional.empty();
                    }
                    command = command != null ? command : s.value("credential_process");
                }
            }
        }
        return Optional.ofNullable(command);
    }

    static AwsCredentials resolve(String profile, String command) {
        String key = profile + "\0" + command;
        AwsCredentials cached = CACHE.get(key);
        if (cached != null && (cached.expiration() == null
                || cached.expiration().isAfter(Instant.now().plusSeconds(300)))) {
            return cached;
        }
        AwsCredentials fresh = run(profile, command);
        CACHE.put(key, fresh);
        return fresh;
    }

    private static AwsCredentials run(String profile, String command) {
        String what = "Its credential_process (" + program(command) + ")";
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        ProcessBuilder pb = new ProcessBuilder(windows ? List.of("cmd.exe", "/C", command)
                : List.of("sh", "-c", command));
        Process p;
        try {
            p = pb.redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw fail(what + " could not be started (" + e.getMessage() + ").");
        }
        try {
            closeQuietly(p.getOutputStream());
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAtMost(p.getErrorStream()));
            byte[] out = readAtMost(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw fail(what + " did not finish within " + TIMEOUT_SECONDS + " s.");
            }
            if (p.exitValue() != 0) {
                String line = firstLine(new String(err.get(5, TimeUnit.SECONDS), UTF_8));
                throw fail(what + " failed with exit code " + p.exitValue()
                        + (line.isEmpty() ? "" : ": " + line) + ". Run it yourself to see why.");
            }
            return parse(what, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw fail(what + " was interrupted.");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw fail(what + " failed with exit code " + p.exitValue() + ".");
        }
    }

    private static AwsCredentials parse(String what, byte[] out) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(out);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject() || json.path("Version").asInt() != 1
                || !json.path("AccessKeyId").isTextual() || !json.path("SecretAccessKey").isTextual()) {
            throw fail(what + " did not print the JSON the AWS CLI expects (\"Version\": 1 with AccessKeyId and "
                    + "SecretAccessKey).");
        }
        Instant expiration = null;
        if (json.path("Expiration").isTextual()) {
            try {
                expiration = Instant.parse(json.path("Expiration").asText());
            } catch (DateTimeParseException e) {
                throw fail(what + " printed an Expiration that is not a time like 2026-03-01T10:15:30Z.");
            }
        }
        String token = json.path("SessionToken").isTextual() ? json.path("SessionToken").asText() : null;
        return new AwsCredentials(json.path("AccessKeyId").asText(), json.path("SecretAccessKey").asText(), token,
                expiration);
    }

    private static void closeQuietly(java.io.OutputStream stdin) {
        try {
            stdin.close();
        } catch (IOException e) {
            // The process ended before reading its input: nothing to send anyway.
        }
    }

    private static byte[] readAtMost(InputStream in) {
        try (in) {
            byte[] data = in.readNBytes(MAX_OUTPUT);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return data;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The first non-blank line, at most 160 characters, with secret-looking words masked. */
    static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                String masked = line.strip().replaceAll("(?i)((?:secret|token|password|key|credential)\\w*"
                        + "\\s*[=:]\\s*)\\S+", "$1****").replaceAll("[A-Za-z0-9/+=_-]{16,}", "****");
                return masked.length() > 160 ? masked.substring(0, 157) + "…" : masked;
            }
        }
        return "";
    }

    /** The program's name only: the rest of the command may carry arguments that are secrets. */
    private static String program(String command) {
        String first = command.strip().split("\\s+")[0].replace("\"", "");
        int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
        return first.substring(slash + 1);
    }

    private static AwsCredentialsUnavailableException fail(String message) {
        return new AwsCredentialsUnavailableException(message, null);
    }
}
