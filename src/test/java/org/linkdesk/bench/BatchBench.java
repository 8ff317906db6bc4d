package org.linkdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.links.BatchItem;
import org.linkdesk.links.BatchMonitor;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.LinkSigner;
import org.linkdesk.links.SigningIdentity;

/**
 * A batch of links signed and committed to the history ({@code LinkService.generateAll}, as the GUI's batch dialog
 * and each page of {@code presign --recursive} do: sealed URLs, search postings, one transaction) against the same
 * links only signed ({@link LinkSigner}, the signing half of the same call), alternately in one JVM; then 100 000
 * links in one batch and in pages of 1 000 (as {@code presign --recursive} records them).
 *
 * <p>{@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.linkdesk.bench.BatchBench}
 * with {@code -Dbench.links=10000}, {@code -Dbench.rounds=3}, {@code -Dbench.big=100000} (0 to skip).
 */
public final class BatchBench {
    public static void main(String[] args) throws Exception {
        int links = Integer.getInteger("bench.links", 10_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int big = Integer.getInteger("bench.big", 100_000);
        SigningIdentity identity = new SigningIdentity(null, "environment",
                S3Endpoint.of(null, BenchData.REGION, false),
                new AwsCredentials(BenchData.ACCESS_KEY, BenchData.SECRET, null, null));
        System.out.printf(Locale.ROOT, "JDK %s, max heap %d MB, load average %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Files.readString(Path.of("/proc/loadavg")).strip());

        Path dir = Files.createTempDirectory("linkdesk-batchbench");
        try (Services services = Services.open(dir)) {
            services.vault().create("bench-master-password".toCharArray());
            services.vault().lock();   // links are sealed to the public key, as in the CLI: no password needed
            LinkSigner signer = new LinkSigner(new SigV4Presigner(Clock.systemUTC()));
            // Warm-up: the JIT sees both paths before anything is measured.
            for (int i = 0; i < 2; i++) {
                signOnly(signer, identity, items(2_000, "warm" + i));
                services.links().generateAll(identity, items(2_000, "warm" + i), null, BatchMonitor.NONE);
            }
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int round = 1; round <= rounds; round++) {
                List<BatchItem> batch = items(links, "round" + round);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                signOnly(signer, identity, batch);
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                List<GeneratedLink> made = services.links().generateAll(identity, batch, null, BatchMonitor.NONE);
                long t2 = System.nanoTime();
                long c2 = threads.getCurrentThreadCpuTime();
                if (made.size() != links) {
                    throw new IllegalStateException("recorded " + made.size() + " of " + links);
                }
                double sign = (t1 - t0) / 1e6;
                double all = (t2 - t1) / 1e6;
                ratios.add(all / sign);
                cpuRatios.add((double) (c2 - c1) / (c1 - c0));
                System.out.printf(Locale.ROOT, "round %d: %d links signed only %.0f ms (thread CPU %.0f ms); signed and "
                        + "committed %.0f ms (thread CPU %.0f ms): %.1f× wall, %.1f× CPU; load %s%n", round, links, sign,
                        (c1 - c0) / 1e6, all, (c2 - c1) / 1e6, all / sign, (double) (c2 - c1) / (c1 - c0),
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
            // For comparison only: the same links made durable as the CLI's quick path makes one (sealed, framed,
            // appended to the journal with one forced write), not in the history until a database open takes them in.
            Path journalDir = Files.createTempDirectory("linkdesk-batchbench-journal");
            org.linkdesk.store.ShareJournal.takeIn(services.database(), services.vault());   // writes the key file
            byte[] sealingKey = org.linkdesk.store.ShareJournal.rememberedSealingKey(dir).orElseThrow();
            for (int round = 1; round <= rounds; round++) {
                List<BatchItem> batch = items(links, "journal" + round);
                long t0 = System.nanoTime();
                List<org.linkdesk.store.NewShare> rows = signRows(signer, identity, batch);
                long t1 = System.nanoTime();
                org.linkdesk.store.ShareJournal.append(journalDir, rows, sealingKey);
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "journal only, round %d: signed %.0f ms, sealed + appended + forced "
                        + "%.0f ms: %.1f× signing (%d MB journal)%n", round, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                        (double) (t2 - t0) / (t1 - t0), org.linkdesk.store.ShareJournal.size(journalDir) >> 20);
            }
            deleteTree(journalDir);
            // The floor: the same rows into plain H2 tables (no sealing, postings, tallies or read-back).
            try (BatchFloor floor = new BatchFloor()) {
                for (boolean indexed : new boolean[] {false, true}) {
                    floor.insert(signRows(signer, identity, items(2_000, "floor-warm" + indexed)), indexed);
                }
                for (int round = 1; round <= rounds; round++) {
                    for (boolean indexed : new boolean[] {false, true}) {
                        List<BatchItem> batch = items(links, "floor" + round + indexed);
                        long t0 = System.nanoTime();
                        List<org.linkdesk.store.NewShare> rows = signRows(signer, identity, batch);
                        long t1 = System.nanoTime();
                        floor.insert(rows, indexed);
                        long t2 = System.nanoTime();
                        System.out.printf(Locale.ROOT, "floor, round %d: signed %.0f ms, inserted into a plain H2 "
                                + "table %s and committed %.0f ms: %.1f× signing%n", round, (t1 - t0) / 1e6,
                                indexed ? "with the 11 history indexes" : "with only a primary key",
                                (t2 - t1) / 1e6, (double) (t2 - t0) / (t1 - t0));
                    }
                }
            }
            ratios.sort(null);
            cpuRatios.sort(null);
            System.out.printf(Locale.ROOT, "median ratio (signed and committed / signed only): %.1f× wall, %.1f× "
                    + "calling thread's CPU%n", ratios.get(ratios.size() / 2), cpuRatios.get(cpuRatios.size() / 2));

            if (big > 0) {
                List<BatchItem> batch = items(big, "big");
                long t0 = System.nanoTime();
                services.links().generateAll(identity, batch, null, BatchMonitor.NONE);
                long t1 = System.nanoTime();
                System.out.printf(Locale.ROOT, "%d links in one batch (the GUI's batch dialog): %.1f s%n", big,
                        (t1 - t0) / 1e9);
                List<BatchItem> paged = items(big, "paged");
                t0 = System.nanoTime();
                for (int from = 0; from < big; from += 1_000) {
                    services.links().generateAll(identity, paged.subList(from, Math.min(big, from + 1_000)), null,
                            BatchMonitor.NONE);
                }
                t1 = System.nanoTime();
                System.out.printf(Locale.ROOT, "%d links in pages of 1 000 (presign --recursive): %.1f s%n", big,
                        (t1 - t0) / 1e9);
            }
            System.out.printf(Locale.ROOT, "history now holds %d links; database file %d MB%n",
                    services.shares().count(), Files.size(dir.resolve("linkdesk.mv.db")) >> 20);
        }
        deleteTree(dir);
    }

    private static void signOnly(LinkSigner signer, SigningIdentity identity, List<BatchItem> items) {
        Instant now = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        long sink = 0;
        for (BatchItem item : items) {
            sink += signer.sign(identity, item.bucket(), item.key(), item.options(), null, null, now).url().url()
                    .length();
        }
        if (sink == 0) {
            throw new IllegalStateException();
        }
    }

    private static List<org.linkdesk.store.NewShare> signRows(LinkSigner signer, SigningIdentity identity,
                                                               List<BatchItem> items) {
        Instant now = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        List<org.linkdesk.store.NewShare> rows = new ArrayList<>(items.size());
        for (BatchItem item : items) {
            rows.add(signer.sign(identity, item.bucket(), item.key(), item.options(), null, null, now).share());
        }
        return rows;
    }

    private static List<BatchItem> items(int n, String tag) {
        String[] keys = BenchData.keys(n);
        List<BatchItem> items = new ArrayList<>(n);
        for (String key : keys) {
            items.add(new BatchItem(BenchData.BUCKET, tag + "/" + key, LinkOptions.get(java.time.Duration.ofHours(1))));
        }
        return items;
    }

    /** The benchmark's own files (a batch run leaves a database of several hundred MB). */
    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
