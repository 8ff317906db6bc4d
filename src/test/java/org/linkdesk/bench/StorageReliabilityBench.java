package org.linkdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;
import org.linkdesk.testing.CliProcess;
import org.linkdesk.testing.KillTrials;
import org.linkdesk.testing.S3ProxyServer;

/**
 * The storage figures of docs/RELIABILITY.md, outside {@code mvn verify}:
 * <ul>
 *   <li>{@code kill [TRIALS] [OBJECTS]}: {@code presign --recursive} over OBJECTS objects killed with SIGKILL at a
 *       random moment, TRIALS times on one data directory (default 100 × 3 000);</li>
 *   <li>{@code waves [WAVES] [PROCESSES]}: WAVES waves of PROCESSES single-link {@code presign} commands started at
 *       once on one data directory (default 3 × 8); every one must succeed and its link be recorded.</li>
 * </ul>
 * Run with the test class path on {@code java -cp} (the CLI children reuse it), see docs/RELIABILITY.md.
 */
public final class StorageReliabilityBench {
    private StorageReliabilityBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "kill";
        Path work = Files.createTempDirectory("linkdesk-reliability");
        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            if (mode.equals("kill")) {
                int trials = args.length > 1 ? Integer.parseInt(args[1]) : 100;
                int objects = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
                long start = System.nanoTime();
                KillTrials.Report r = new KillTrials(s3, objects, work).run(trials, System.currentTimeMillis());
                System.out.printf("kill trials: %d runs (%d killed, %d ran to the end), %d links printed, %d "
                                + "recorded, %d problems, %d s%n", r.trials(), r.killed(), r.finished(), r.printed(),
                        r.recorded(), r.problems().size(), (System.nanoTime() - start) / 1_000_000_000);
                r.problems().forEach(p -> System.out.println("  problem: " + p));
                System.exit(r.problems().isEmpty() ? 0 : 1);
            } else {
                int waves = args.length > 1 ? Integer.parseInt(args[1]) : 3;
                int processes = args.length > 2 ? Integer.parseInt(args[2]) : 8;
                System.exit(waves(s3, work, waves, processes));
            }
        }
    }

    private static int waves(S3ProxyServer s3, Path work, int waves, int processes) throws Exception {
        String bucket = s3.newBucket();
        s3.putObject(bucket, "report.pdf", new byte[] {1}, "application/pdf");
        Path data = work.resolve("data");
        try (Database db = Database.open(data)) {
            new Vault(db).create("waves password".toCharArray());
        }
        int failed = 0;
        long start = System.nanoTime();
        for (int w = 0; w < waves; w++) {
            List<CliProcess> wave = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                wave.add(CliProcess.start(s3, work, "w" + w + "p" + p, List.of("--data-dir", data.toString(),
                        "presign", "--note", "w" + w + "p" + p, "s3://" + bucket + "/report.pdf")));
            }
            for (CliProcess cli : wave) {
                cli.waitFor(600_000);
                if (cli.exitCode() != 0 || cli.completeOutputLines().size() != 1) {
                    failed++;
                    System.out.println("  failed: exit " + cli.exitCode() + ": " + cli.stderr().strip());
                }
                cli.close();
            }
        }
        long recorded;
        try (Database db = Database.open(data)) {
            recorded = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM share")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
        System.out.printf("waves: %d × %d presign commands, %d failed, %d links recorded, %d s%n", waves, processes,
                failed, recorded, (System.nanoTime() - start) / 1_000_000_000);
        return failed == 0 && recorded == (long) waves * processes ? 0 : 1;
    }
}
