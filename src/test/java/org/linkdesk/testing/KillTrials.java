package org.linkdesk.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;

/**
 * Runs {@code presign --recursive} over a prefix of S3Proxy objects again and again on one data directory, killing
 * the process with SIGKILL at a random moment, and checks after each kill that the database opens without damage,
 * that each listing page (one transaction) was recorded all or nothing, and that every link printed was recorded.
 * Used by {@code CrashSafetyTest} (CI) and {@code org.linkdesk.bench.StorageReliabilityBench kill} (100 trials).
 */
public final class KillTrials {
    public static final int PAGE = 1_000;
    private static final char[] PASSWORD = "kill trials password".toCharArray();

    /** What the trials found; {@code problems} empty when every trial passed. */
    public record Report(int trials, int killed, int finished, long printed, long recorded, List<String> problems) {
    }

    private final S3ProxyServer s3;
    private final String bucket;
    private final int objects;
    private final Path dataDir;
    private final Path outputDir;

    public KillTrials(S3ProxyServer s3, int objects, Path workDir) {
        this.s3 = s3;
        this.bucket = s3.newBucket();
        this.objects = objects;
        this.dataDir = workDir.resolve("data");
        this.outputDir = workDir;
        for (int i = 0; i < objects; i++) {
            s3.putObject(bucket, String.format("crash/obj-%05d", i), new byte[] {1}, "application/octet-stream");
        }
        try (Database db = Database.open(dataDir)) {
            new Vault(db).create(PASSWORD.clone());
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * One run to the end (to time it), then {@code trials} runs each killed at a random moment between its start
     * and 10 % past that time; a run that ends before its kill is checked too.
     */
    public Report run(int trials, long seed) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Report calibration = run(1, Long.MAX_VALUE / 4, seed);
        long fullRunMillis = (System.nanoTime() - start) / 1_000_000;
        Report killing = run(trials, fullRunMillis * 11 / 10, seed + 1);
        List<String> problems = new ArrayList<>(calibration.problems());
        problems.addAll(killing.problems());
        return new Report(trials + 1, killing.killed(), killing.finished() + 1,
                calibration.printed() + killing.printed(), calibration.recorded() + killing.recorded(), problems);
    }

    /** Kills at a random moment in [0, {@code maxDelayMillis}] after start; a run that ends first is checked too. */
    public Report run(int trials, long maxDelayMillis, long seed) throws IOException, InterruptedException {
        Random random = new Random(seed);
        List<String> problems = new ArrayList<>();
        int killed = 0;
        int finished = 0;
        long printed = 0;
        long recorded = 0;
        for (int t = 0; t < trials; t++) {
            String note = "trial-" + seed + "-" + t;
            long delay = (long) (random.nextDouble() * maxDelayMillis);
            List<String> lines;
            try (CliProcess cli = CliProcess.start(s3, outputDir, note, List.of("--data-dir", dataDir.toString(),
                    "presign", "--recursive", "--note", note, "s3://" + bucket + "/crash/"))) {
                long started = System.nanoTime();
                if (cli.waitFor(delay)) {
                    finished++;
                    // Runs got faster (less load, warm caches): aim the next kills inside the shorter run.
                    maxDelayMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000 * 9 / 10);
                    if (cli.exitCode() != 0) {
                        problems.add(note + ": exit " + cli.exitCode() + ": " + cli.stderr().strip());
                    }
                } else {
                    cli.kill();
                    killed++;
                }
                lines = cli.completeOutputLines();
            }
            Set<String> printedKeys = new HashSet<>();
            for (String line : lines) {
                int start = line.indexOf("/crash/");
                int end = line.indexOf('?');
                if (start >= 0 && end > start) {
                    printedKeys.add(line.substring(start + 1, end));
                }
            }
            Set<String> recordedKeys = new HashSet<>();
            try (Database db = Database.open(dataDir)) {
                db.notices().stream().filter(n -> n.contains("damaged"))
                        .forEach(n -> problems.add(note + ": " + n));
                db.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT object_key FROM share WHERE note = ?")) {
                        ps.setString(1, note);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                recordedKeys.add(rs.getString(1));
                            }
                        }
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                problems.add(note + ": the database did not open: " + e + " (cause: " + e.getCause() + ")");
                break;
            }
            if (recordedKeys.size() % PAGE != 0 && recordedKeys.size() != objects) {
                problems.add(note + ": " + recordedKeys.size() + " links recorded, not whole pages of " + PAGE);
            }
            Set<String> missing = new HashSet<>(printedKeys);
            missing.removeAll(recordedKeys);
            if (!missing.isEmpty()) {
                problems.add(note + ": " + missing.size() + " of " + printedKeys.size()
                        + " printed links are not recorded");
            }
            printed += printedKeys.size();
            recorded += recordedKeys.size();
        }
        return new Report(trials, killed, finished, printed, recorded, problems);
    }
}
