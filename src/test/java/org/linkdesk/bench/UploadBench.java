package org.linkdesk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.linkdesk.cli.CliMain;
import org.linkdesk.testing.S3ProxyServer;

/**
 * A large upload to a local S3 server (S3Proxy, filesystem store, own JVM): {@code linkdesk upload} in a JVM
 * capped at {@code -Xmx128m} against {@code aws s3 cp} with the same part size and concurrency, alternating, on
 * the same file. Prints each run and the median ratio of throughputs. Deletes its temp files.
 *
 * <p>Tunables: {@code bench.sizeMiB} (1024), {@code bench.partMiB} (8), {@code bench.concurrency} (10),
 * {@code bench.rounds} (3), {@code bench.heap} (128m).
 */
public final class UploadBench {
    private static final String BUCKET = "bench";

    public static void main(String[] args) throws Exception {
        long sizeMiB = Long.getLong("bench.sizeMiB", 1024);
        int partMiB = Integer.getInteger("bench.partMiB", 8);
        int concurrency = Integer.getInteger("bench.concurrency", 10);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String heap = System.getProperty("bench.heap", "128m");
        Path tmp = Files.createTempDirectory("linkdesk-upload-bench");
        Process server = null;
        try {
            Path file = tmp.resolve("payload.bin");
            write(file, sizeMiB);
            server = new ProcessBuilder(java(), "-Xmx512m", "-cp", classPath(),
                    BenchS3ProxyMain.class.getName(), tmp.resolve("store").toString(), BUCKET)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String endpoint = "http://127.0.0.1:" + new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            Path awsConfig = tmp.resolve("aws-config");
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID,
                    "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY, "AWS_REGION", "us-east-1",
                    "AWS_DEFAULT_REGION", "us-east-1", "AWS_CONFIG_FILE", awsConfig.toString(),
                    "AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("no-credentials").toString(),
                    "AWS_ENDPOINT_URL_S3", endpoint, "LINKDESK_HOME", tmp.resolve("data").toString());
            run(env, "aws", "configure", "set", "default.s3.multipart_chunksize", partMiB + "MB");
            run(env, "aws", "configure", "set", "default.s3.multipart_threshold", partMiB + "MB");
            run(env, "aws", "configure", "set", "default.s3.max_concurrent_requests", Integer.toString(concurrency));
            // botocore's default CRC32 trailers are not implemented by S3Proxy (as with the Java SDK, see FACTS).
            run(env, "aws", "configure", "set", "default.request_checksum_calculation", "when_required");
            run(env, "aws", "configure", "set", "default.response_checksum_validation", "when_required");
            List<String> aws = List.of("aws", "--endpoint-url", endpoint, "s3", "cp", "--only-show-errors",
                    file.toString(), "s3://" + BUCKET + "/aws.bin");
            List<String> ours = List.of(java(), "-Xmx" + heap, "-cp", classPath(),
                    CliMain.class.getName(), "upload", "--no-link", "--overwrite", "--part-size", partMiB + "MiB",
                    "--concurrency", Integer.toString(concurrency), file.toString(), "s3://" + BUCKET + "/");
            System.out.printf("%d MiB, parts of %d MiB, %d in flight; linkdesk at -Xmx%s; %s%n", sizeMiB, partMiB,
                    concurrency, heap, Runtime.version());
            run(env, ours.toArray(String[]::new));
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double awsSeconds = timed(env, aws);
                double ourSeconds = timed(env, ours);
                double ratio = awsSeconds / ourSeconds;
                ratios.add(ratio);
                System.out.printf("round %d: aws s3 cp %.1f s (%.0f MiB/s), linkdesk upload %.1f s (%.0f MiB/s), "
                                + "linkdesk/aws throughput %.2f%n", round, awsSeconds, sizeMiB / awsSeconds,
                        ourSeconds, sizeMiB / ourSeconds, ratio);
            }
            ratios.sort(Comparator.naturalOrder());
            System.out.printf("median throughput ratio linkdesk/aws: %.2f%n", ratios.get(ratios.size() / 2));
        } finally {
            if (server != null) {
                server.getOutputStream().close();
                server.destroy();
                server.waitFor();
            }
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static double timed(Map<String, String> env, List<String> command) throws Exception {
        long start = System.nanoTime();
        run(env, command.toArray(String[]::new));
        return (System.nanoTime() - start) / 1e9;
    }

    private static void run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command[0] + " " + command[command.length - 1] + " failed:\n" + output);
        }
    }

    /** exec:java runs us in a class loader of its own whose URLs are the test class path. */
    private static String classPath() throws java.net.URISyntaxException {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader
                && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void write(Path file, long mib) throws IOException {
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(14);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long i = 0; i < mib; i++) {
                random.nextBytes(block);
                out.write(ByteBuffer.wrap(block));
            }
        }
    }
}
