package org.linkdesk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.FixedSigningClockInterceptor;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.PresignRequest;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.SigV4Presigner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigning benchmark, one JVM run: GET URLs per second (single thread, after warm-up) for Linkdesk's
 * {@link SigV4Presigner}, the AWS SDK v2 {@code S3Presigner} and {@link BareSigV4Presigner}; then the time to the
 * first URL in fresh child JVMs for ours and the SDK. See docs/BENCHMARKS.md for the command and the figures.
 *
 * <p>Tunables (system properties): {@code bench.warmupSeconds} (8, then on until steady), {@code bench.rounds} (7),
 * {@code bench.roundSeconds} (1.5), {@code bench.coldRuns} (7).
 */
public final class PresignBench {
    private static final int KEY_COUNT = 1_024;
    /** The AWS SDK's S3 module and what it needs at run time (with slf4j-api but no logging backend). */
    private static final List<String> SDK_JARS = List.of("/software/amazon/", "/org/reactivestreams/",
            "/org/slf4j/slf4j-api/", "/io/netty/", "/org/apache/httpcomponents/", "/commons-logging/", "/commons-codec/");

    /** One presigner under test: makes the URL for key number {@code i}. */
    private interface Subject {
        String presign(int i);
    }

    private record Named(String name, Subject subject) {
    }

    private PresignBench() {
    }

    public static void main(String[] args) throws Exception {
        double warmup = Double.parseDouble(System.getProperty("bench.warmupSeconds", "8"));
        int rounds = Integer.getInteger("bench.rounds", 7);
        double roundSeconds = Double.parseDouble(System.getProperty("bench.roundSeconds", "1.5"));
        int coldRuns = Integer.getInteger("bench.coldRuns", 7);

        System.out.printf(Locale.ROOT, "Presigning benchmark: JDK %s (%s), %d cores, %s %s, load average %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                loadAverage());
        String[] keys = BenchData.keys(KEY_COUNT);
        S3Endpoint endpoint = S3Endpoint.aws(BenchData.REGION, false);
        AwsCredentials credentials = AwsCredentials.of(BenchData.ACCESS_KEY, BenchData.SECRET);
        Duration expiry = Duration.ofSeconds(BenchData.EXPIRES_SECONDS);
        SigV4Presigner ours = new SigV4Presigner();
        BareSigV4Presigner bare = new BareSigV4Presigner(BenchData.ACCESS_KEY, BenchData.SECRET, BenchData.REGION);
        try (S3Presigner sdk = S3Presigner.builder()
                .region(Region.of(BenchData.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(BenchData.ACCESS_KEY, BenchData.SECRET)))
                .build()) {
            checkSameUrls(keys, endpoint, credentials, expiry, ours, bare, sdk);
            List<Named> subjects = List.of(
                    new Named("Linkdesk SigV4Presigner", i -> ours.presign(endpoint, credentials,
                            PresignRequest.of(HttpMethod.GET, BenchData.BUCKET, keys[i & (KEY_COUNT - 1)], expiry)).url()),
                    new Named("AWS SDK S3Presigner", i -> sdk.presignGetObject(p -> p.signatureDuration(expiry)
                            .getObjectRequest(g -> g.bucket(BenchData.BUCKET).key(keys[i & (KEY_COUNT - 1)]))).url().toString()),
                    new Named("bare SigV4 loop", i -> bare.presignGet(BenchData.BUCKET, keys[i & (KEY_COUNT - 1)],
                            BenchData.EXPIRES_SECONDS, System.currentTimeMillis() / 1000)));
            measureThroughput(subjects, warmup, rounds, roundSeconds);
        }
        measureColdStart(coldRuns);
        System.out.println("\nLoad average at the end: " + loadAverage());
    }

    /** Refuses to measure unless all three make byte-identical URLs at the same signing time. */
    private static void checkSameUrls(String[] keys, S3Endpoint endpoint, AwsCredentials credentials, Duration expiry,
                                      SigV4Presigner ours, BareSigV4Presigner bare, S3Presigner sdk) {
        Instant at = Instant.parse("2025-06-01T12:34:56Z");
        var clock = software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration.builder()
                .putExecutionAttribute(FixedSigningClockInterceptor.CLOCK, Clock.fixed(at, ZoneOffset.UTC)).build();
        for (int i = 0; i < 256; i++) {
            String key = keys[i];
            String mine = ours.presign(endpoint, credentials, PresignRequest.of(HttpMethod.GET, BenchData.BUCKET, key, expiry), at).url();
            String theirs = sdk.presignGetObject(p -> p.signatureDuration(expiry).getObjectRequest(
                    g -> g.bucket(BenchData.BUCKET).key(key).overrideConfiguration(clock))).url().toString();
            String yardstick = bare.presignGet(BenchData.BUCKET, key, BenchData.EXPIRES_SECONDS, at.getEpochSecond());
            if (!mine.equals(theirs) || !mine.equals(yardstick)) {
                throw new IllegalStateException("The presigners disagree on key " + key + ":\n" + mine + "\n" + theirs + "\n" + yardstick);
            }
        }
        System.out.println("Checked: all three make byte-identical URLs for 256 keys at a fixed signing time.");
    }

    private static void measureThroughput(List<Named> subjects, double warmupSeconds, int rounds, double roundSeconds) {
        System.out.printf(Locale.ROOT, "%nThroughput, single thread, GET, %d keys; warm-up >= %.0f s each until steady, then %d rounds of "
                + "%.1f s interleaved:%n", KEY_COUNT, warmupSeconds, rounds, roundSeconds);
        long sink = 0;
        for (Named s : subjects) {
            sink += warmUp(s, warmupSeconds);
        }
        double[][] perSecond = new double[subjects.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < subjects.size(); s++) {
                long[] result = run(subjects.get(s).subject(), roundSeconds);
                perSecond[s][r] = result[0] * 1e9 / result[2];
                sink += result[1];
            }
        }
        double[] medians = new double[subjects.size()];
        for (int s = 0; s < subjects.size(); s++) {
            double[] sorted = perSecond[s].clone();
            Arrays.sort(sorted);
            medians[s] = sorted[sorted.length / 2];
            System.out.printf(Locale.ROOT, "  %-24s %,10.0f URLs/s  (median; min %,.0f, max %,.0f; %.2f µs/URL)%n",
                    subjects.get(s).name(), medians[s], sorted[0], sorted[sorted.length - 1], 1e6 / medians[s]);
        }
        // Ratios per round, of neighbouring time slices, are steadier than ratios of medians on a shared machine.
        System.out.printf(Locale.ROOT, "  ours / SDK  = %.1fx   (median of per-round ratios; target >= 10x)%n",
                medianRatio(perSecond[0], perSecond[1]));
        System.out.printf(Locale.ROOT, "  ours / bare = %.2fx  (median of per-round ratios; target >= 0.8x)%n",
                medianRatio(perSecond[0], perSecond[2]));
        System.out.println("  (checksum " + (sink & 0xFFFF) + ")");
    }

    /**
     * Runs {@code subject} for at least {@code minSeconds}, then on in one-second slices until three slices in a row
     * are within 5 % of each other (at most 30 s): the SDK's large code base needs far longer for the JIT than the
     * others, the more so when other processes share the CPU, and it improves in steps.
     */
    private static long warmUp(Named named, double minSeconds) {
        long start = System.nanoTime();
        long sink = run(named.subject(), minSeconds)[1];
        double[] last = new double[3];
        int slices = 0;
        while (System.nanoTime() - start < 30_000_000_000L) {
            long[] slice = run(named.subject(), 1);
            sink += slice[1];
            last[slices++ % 3] = slice[0] * 1e9 / slice[2];
            double min = Math.min(last[0], Math.min(last[1], last[2]));
            double max = Math.max(last[0], Math.max(last[1], last[2]));
            if (slices >= 3 && max <= 1.05 * min) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "  warm-up %-24s %4.1f s, last slice %,.0f URLs/s%n", named.name(),
                (System.nanoTime() - start) / 1e9, last[(slices - 1) % 3]);
        return sink;
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }

    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    /** Returns {URLs made, sum of their lengths, nanoseconds taken}. */
    private static long[] run(Subject subject, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        long now;
        do {
            for (int i = 0; i < 256; i++) {
                sink += subject.presign((int) count + i).length();
            }
            count += 256;
            now = System.nanoTime();
        } while (now < deadline);
        return new long[] {count, sink, now - start};
    }

    private static void measureColdStart(int runs) throws IOException, InterruptedException, URISyntaxException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> testClassPath = classPath();
        String[] classPaths = {childClassPath(testClassPath, List.of()), childClassPath(testClassPath, SDK_JARS)};
        System.out.printf(Locale.ROOT, "%nCold start, fresh JVM (%s), builder + first URL, %d runs each, alternating:%n", java, runs);
        String[] mains = {ColdStartOurs.class.getName(), ColdStartSdk.class.getName()};
        String[] labels = {"Linkdesk SigV4Presigner", "AWS SDK S3Presigner"};
        double[][] wall = new double[2][runs];
        double[][] inMain = new double[2][runs];
        for (int r = 0; r < runs; r++) {
            for (int m = 0; m < 2; m++) {
                long start = System.nanoTime();
                Process p = new ProcessBuilder(java, "-cp", classPaths[m], mains[m]).redirectErrorStream(true).start();
                String report = null;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith(BenchData.COLD_PREFIX) && report == null) {
                            wall[m][r] = (System.nanoTime() - start) / 1e6;
                            report = line;
                        }
                    }
                }
                if (p.waitFor() != 0 || report == null) {
                    throw new IllegalStateException(labels[m] + " cold-start run failed (exit " + p.exitValue() + ")");
                }
                inMain[m][r] = Double.parseDouble(report.replaceFirst(".*main_to_url_ms=([0-9.]+).*", "$1"));
            }
        }
        for (int m = 0; m < 2; m++) {
            Arrays.sort(wall[m]);
            Arrays.sort(inMain[m]);
            System.out.printf(Locale.ROOT, "  %-24s process start -> first URL %5.0f ms (median; min %.0f, max %.0f);"
                            + " main() -> first URL %5.0f ms%n", labels[m], wall[m][runs / 2], wall[m][0], wall[m][runs - 1],
                    inMain[m][runs / 2]);
        }
    }

    /** The test class path: exec:java runs us in a class loader of its own, whose URLs are that class path. */
    private static List<String> classPath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            for (URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
        } else {
            entries.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        }
        return entries;
    }

    /**
     * A child's class path: the project's class directories plus the jars whose path contains one of
     * {@code jarMarkers}, like a real application that ships only what it uses. (The whole test class path, 180
     * jars, would add about 80 ms to either side: the JCA provider lookup scans every jar.)
     */
    private static String childClassPath(List<String> testClassPath, List<String> jarMarkers) {
        List<String> kept = new ArrayList<>();
        for (String entry : testClassPath) {
            String unified = entry.replace(File.separatorChar, '/');
            if (new File(entry).isDirectory() || jarMarkers.stream().anyMatch(unified::contains)) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }
}
