package org.linkdesk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code linkdesk} (the CLI entry point) in a JVM of its own on the test class path, with credentials for an
 * S3Proxy server in its environment, its stdout and stderr going to files (so what it printed before being killed
 * can be read afterwards).
 */
public final class CliProcess implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    public static CliProcess start(S3ProxyServer s3, Path outputDir, String name, List<String> args)
            throws IOException {
        return start(s3, outputDir, name, args, Map.of());
    }

    /** As above, with {@code extraEnv} added to the environment (team mode: LINKDESK_DATABASE, PGUSER…). */
    public static CliProcess start(S3ProxyServer s3, Path outputDir, String name, List<String> args,
                                   Map<String, String> extraEnv) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "org.linkdesk.cli.CliMain"));
        command.addAll(args);
        Path out = outputDir.resolve(name + ".out");
        Path err = outputDir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY);
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint());
        env.put("AWS_REGION", S3ProxyServer.REGION);
        env.putAll(extraEnv);
        return new CliProcess(builder.start(), out, err);
    }

    /** Waits up to {@code millis}; true when the process ended. */
    public boolean waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** SIGKILL on POSIX systems: no shutdown hook, no finally block runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The complete lines printed on stdout (a line cut by a kill is left out). */
    public List<String> completeOutputLines() throws IOException {
        String text = Files.readString(out, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    public String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
