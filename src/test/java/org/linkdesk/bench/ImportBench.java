package org.linkdesk.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * History import of a large CSV export, as a whole CLI process with a capped heap: wall time, peak RSS and the
 * database file's size against the CSV's. Not a surefire test. Run:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.linkdesk.bench.ImportBench \
 *     -Dbench.rows=20000 -Dbench.heap=256m
 * </pre>
 * With {@code -Dbench.before=N} the data folder first gets another N-row history (not measured).
 */
public final class ImportBench {
    private static final String HEADER = "id,createdAt,profile,accessKeyId,endpoint,region,bucket,key,method,expiresIn,"
            + "expiresAt,expiryLimitedBy,status,downloadName,inline,responseContentType,cacheControl,contentType,note,"
            + "recipient,tags,recordedEtag,urlRedacted";
    private static final String[] WORDS = {"quarterly", "report", "invoice", "photo", "backup", "contract", "draft",
        "final", "résumé", "写真", "данные", "summary", "budget", "slides", "minutes", "design", "archive", "q3"};

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 20_000);
        String heap = System.getProperty("bench.heap", "256m");
        Path work = Files.createTempDirectory("import-bench");
        Path csv = work.resolve("history.csv");
        write(csv, rows);
        Path data = work.resolve("data");
        String cp = classPath();
        int before = Integer.getInteger("bench.before", 0);
        if (before > 0) {
            // A history that already holds other links: the import then adds to it (not measured).
            Path earlier = work.resolve("earlier.csv");
            write(earlier, before, 7, Instant.parse("2024-01-01T00:00:00Z"));
            Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-cp", cp, "org.linkdesk.cli.CliMain", "history", "import", "--data-dir",
                    data.toString(), earlier.toString()).inheritIO().start();
            if (first.waitFor() != 0) {
                throw new IllegalStateException("the first import failed");
            }
            System.out.printf(Locale.ROOT, "history before: %d rows, db=%.1f MB%n", before,
                    size(data.resolve("linkdesk.mv.db")) / 1e6);
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "PEAK_RSS_KB=%M",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-cp", cp,
                "org.linkdesk.cli.CliMain", "history", "import", "--data-dir", data.toString(), csv.toString()));
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            cmd = cmd.subList(3, cmd.size());
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long[] peak = {0};
        boolean trace = Boolean.getBoolean("bench.trace");
        Thread watcher = new Thread(() -> {
            for (int tick = 0; p.isAlive(); tick++) {
                long now = size(data.resolve("linkdesk.mv.db"));
                peak[0] = Math.max(peak[0], now);
                if (trace && tick % 10 == 0) {
                    System.out.printf(Locale.ROOT, "  %3d s: %.1f MB%n", tick / 10, now / 1e6);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        int code = p.waitFor();
        watcher.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        long dbBytes = 0;
        try (Stream<Path> files = Files.exists(data) ? Files.list(data) : Stream.empty()) {
            dbBytes = files.filter(f -> f.getFileName().toString().endsWith(".db")).mapToLong(ImportBench::size)
                    .sum();
        }
        long csvBytes = Files.size(csv);
        System.out.print(out);
        System.out.printf(Locale.ROOT, "rows=%d csv=%.1f MB exit=%d wall=%.1f s heap=%s db=%.1f MB "
                + "(%.2fx the CSV) peak during import=%.1f MB (%.2fx)%n", rows, csvBytes / 1e6, code, seconds, heap,
                dbBytes / 1e6, (double) dbBytes / csvBytes, peak[0] / 1e6, (double) peak[0] / csvBytes);
    }

    /** exec:java runs us in a class loader of the project's class path; java.class.path is Maven's own. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> parts = new ArrayList<>();
            for (var url : loader.getURLs()) {
                parts.add(Path.of(java.net.URI.create(url.toString())).toString());
            }
            return String.join(java.io.File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Rows about 435 bytes each (20 000 rows: 8.7 MB), varied keys, notes and recipients. */
    static void write(Path csv, int rows) throws IOException {
        write(csv, rows, 42, Instant.parse("2025-01-01T00:00:00Z"));
    }

    static void write(Path csv, int rows, long seed, Instant t0) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(csv, UTF_8)) {
            w.write(HEADER);
            w.write("\r\n");
            for (int i = 0; i < rows; i++) {
                Instant created = t0.plusSeconds(i * 97L);
                Instant expires = created.plus(Duration.ofHours(24));
                String key = "clients/" + word(r) + "-" + r.nextInt(500) + "/2025/" + word(r) + " " + word(r) + "-"
                        + i + ".pdf";
                String note = "Sent to " + word(r) + " team about the " + word(r) + " " + word(r) + " (ticket "
                        + r.nextInt(100_000) + ")";
                String url = "https://linkdesk-bench.s3.eu-central-1.amazonaws.com/" + key.replace(" ", "%20")
                        + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20250101T000000Z&X-Amz-Signature=REDACTED";
                w.write(String.join(",", String.valueOf(i + 1), created.toString(), "work",
                        "AKIAIOSFODNN7EXAMPLE", "", "eu-central-1", "linkdesk-bench", "\"" + key + "\"", "GET",
                        "PT24H", expires.toString(), "REQUESTED", "EXPIRED", "", "false", "", "", "",
                        "\"" + note + "\"", word(r) + "@example.com", "", "", "\"" + url + "\""));
                w.write("\r\n");
            }
        }
    }

    private static String word(SplittableRandom r) {
        return WORDS[r.nextInt(WORDS.length)];
    }
}
