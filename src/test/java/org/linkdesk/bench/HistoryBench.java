package org.linkdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.store.Database;
import org.linkdesk.store.HistoryCount;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistorySort;
import org.linkdesk.store.HistoryStore;
import org.linkdesk.store.ShareStatus;

/**
 * Seeds N shares into a temporary data directory (batched inserts, URLs not sealed) and times the History view's
 * queries: first page, searches, filters, sorts, deep pages, counts and the summary, with the heap in use.
 *
 * <pre>MAVEN_OPTS=-Xmx256m mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.linkdesk.bench.HistoryBench -Dbench.shares=1000000</pre>
 */
public final class HistoryBench {
    private static final int PAGE = 50;
    private static final int WARM_RUNS = 9;
    static final String[] BUCKETS = new String[24];
    private static final String[] PROFILES = {"work", "personal", "minio-lab", "client-acme", "archive"};
    private static final String[] WORDS = {"report", "photos", "backup", "draft", "final", "scan", "export",
            "slides", "budget", "contract", "video", "raw", "summary", "design", "logo", "data", "archive", "notes",
            "写真", "résumé", "Привет", "mañana", "größe", "plan", "q1", "q2", "q3", "q4", "team", "release"};
    private static final String[] EXT = {".pdf", ".jpg", ".png", ".zip", ".csv", ".mp4", ".docx", ".txt"};
    private static final String[] PEOPLE = {"anna@example.com", "Bob Smith", "Zoë", "legal team", "李雷",
            "client-ops@acme.test", "Jürgen"};

    static {
        for (int i = 0; i < BUCKETS.length; i++) {
            BUCKETS[i] = "bucket-" + (char) ('a' + i) + "-" + (i * 37 % 100);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.shares", 1_000_000);
        String keep = System.getProperty("bench.keepDir");
        Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("linkdesk-history-bench");
        System.out.printf(Locale.ROOT, "History benchmark: %,d shares in %s; max heap %d MB; %s, %d cores%n", n, dir,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        Instant now = Instant.now();
        try {
            long o0 = System.nanoTime();
            Database db = Database.open(dir);
            System.out.printf(Locale.ROOT, "opened (and migrated if needed) in %.1f s%n", (System.nanoTime() - o0) / 1e9);
            HistoryStore history = new HistoryStore(db);
            long existing = history.count(HistoryQuery.NEWEST_FIRST, now);
            if (existing == n) {
                System.out.println("reusing the shares seeded before in " + dir);
            } else {
                long t0 = System.nanoTime();
                seed(db, n, now);
                long t1 = System.nanoTime();
                history.rebuildSearchIndex();
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "seeded in %.1f s; search index built in %.1f s%n", (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9);
                db.inTransaction(c -> c.createStatement().execute("CHECKPOINT SYNC"));
            }
            db.close();
            System.out.printf(Locale.ROOT, "database file %,d MB%n", size(dir) >> 20);

            db = Database.open(dir);
            history = new HistoryStore(db);
            run(history, now, n);
            db.close();
        } finally {
            if (keep == null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void run(HistoryStore h, Instant now, int n) {
        HistoryQuery all = HistoryQuery.NEWEST_FIRST;
        System.out.println();
        System.out.printf("%-46s %10s %10s %10s%n", "query (first page of " + PAGE + " rows)", "cold ms", "warm ms",
                "rows");
        time("first page, newest first (reopened database)", () -> h.page(all, now, 0, PAGE, -1).size());
        time("count all", () -> (int) h.count(all, now));
        time("summary bar (5 counts)", () -> (int) h.summary(now).total());
        for (String term : new String[] {"quokka", "invoice", "zoë", "写真集", "report", "anna@", "q3 budget", "xyzzy",
                "pd"}) {
            HistoryQuery q = all.withSearch(term);
            time("search '" + term + "'", () -> h.page(q, now, 0, PAGE, -1).size());
            quick("  count shown at once '" + term + "'", () -> h.quickCount(q, now));
            time("  exact count '" + term + "'", () -> (int) h.count(q, now));
        }
        quick("count bucket", () -> h.quickCount(all.withBucket(BUCKETS[3]), now));
        quick("count profile", () -> h.quickCount(all.withProfile("client-acme"), now));
        quick("count method GET", () -> h.quickCount(all.withMethod(HttpMethod.GET), now));
        quick("count tag", () -> h.quickCount(all.withTag("legal"), now));
        quick("count bucket + method PUT + tag", () -> h.quickCount(all.withBucket(BUCKETS[3])
                .withMethod(HttpMethod.PUT).withTag("q3"), now));
        quick("count bucket + status EXPIRED", () -> h.quickCount(all.withBucket(BUCKETS[5])
                .withStatus(ShareStatus.EXPIRED), now));
        quick("count profile + status ACTIVE", () -> h.quickCount(all.withProfile("work")
                .withStatus(ShareStatus.ACTIVE), now));
        quick("count created in one month", () -> h.quickCount(all.withCreated(now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(370))), now));
        quick("count 'report' + bucket", () -> h.quickCount(all.withSearch("report").withBucket(BUCKETS[7]), now));
        time("filter bucket", () -> h.page(all.withBucket(BUCKETS[3]), now, 0, PAGE, -1).size());
        time("filter profile", () -> h.page(all.withProfile("client-acme"), now, 0, PAGE, -1).size());
        time("filter method PUT", () -> h.page(all.withMethod(HttpMethod.PUT), now, 0, PAGE, -1).size());
        time("filter tag", () -> h.page(all.withTag("legal"), now, 0, PAGE, -1).size());
        for (ShareStatus s : ShareStatus.values()) {
            HistoryQuery q = all.withStatus(s);
            time("filter status " + s, () -> h.page(q, now, 0, PAGE, -1).size());
            time("  count status " + s, () -> (int) h.count(q, now));
        }
        time("filter bucket + status EXPIRED",
                () -> h.page(all.withBucket(BUCKETS[5]).withStatus(ShareStatus.EXPIRED), now, 0, PAGE, -1).size());
        time("filter created in one month", () -> h.page(all.withCreated(now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(370))), now, 0, PAGE, -1).size());
        time("search 'report' + bucket", () -> h.page(all.withSearch("report").withBucket(BUCKETS[7]), now, 0,
                PAGE, -1).size());
        for (HistorySort sort : HistorySort.values()) {
            HistoryQuery q = all.sortedBy(sort, false);
            time("sort by " + sort + " ascending", () -> h.page(q, now, 0, PAGE, -1).size());
        }
        // A filter in another column's order: before FilteredRanks, H2 read and sorted every match for a first page.
        for (HistoryQuery q : new HistoryQuery[] {all.withBucket(BUCKETS[3]).sortedBy(HistorySort.KEY, false),
                all.withMethod(HttpMethod.GET).sortedBy(HistorySort.EXPIRES, true),
                all.withProfile(PROFILES[1]).sortedBy(HistorySort.RECIPIENT, false),
                all.withTag("legal").sortedBy(HistorySort.NOTE, true),
                all.withStatus(ShareStatus.EXPIRED).sortedBy(HistorySort.KEY, false),
                all.withBucket(BUCKETS[3]).withStatus(ShareStatus.EXPIRED).sortedBy(HistorySort.NOTE, false),
                all.withCreated(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)))
                        .sortedBy(HistorySort.KEY, false)}) {
            String label = (q.bucket() == null ? "" : "bucket ") + (q.profile() == null ? "" : "profile ")
                    + (q.method() == null ? "" : q.method() + " ") + (q.tag() == null ? "" : "tag ")
                    + (q.status() == null ? "" : q.status().name().toLowerCase(java.util.Locale.ROOT) + " ")
                    + (q.createdFrom() == null ? "" : "created in a year ") + "by " + q.sort()
                    + (q.descending() ? " desc" : "");
            time("first page, " + label, () -> h.page(q, now, 0, PAGE, -1).size());
        }
        // Deep pages of searched and filtered results (issue 12): the exact count first, as the view asks for it.
        for (HistoryQuery q : new HistoryQuery[] {all.withSearch("report"), all.withSearch("invoice"),
                all.withSearch("pd"), all.withSearch("report").withBucket(BUCKETS[7]), all.withBucket(BUCKETS[3]),
                all.withBucket(BUCKETS[3]).sortedBy(HistorySort.KEY, false), all.withTag("legal"),
                all.sortedBy(HistorySort.KEY, false), all.withTag("legal").sortedBy(HistorySort.NOTE, true),
                all.withMethod(HttpMethod.GET).sortedBy(HistorySort.EXPIRES, false),
                all.withProfile(PROFILES[1]).sortedBy(HistorySort.RECIPIENT, true),
                all.withBucket(BUCKETS[3]).withTag("legal").sortedBy(HistorySort.STATUS, false),
                all.withStatus(ShareStatus.EXPIRED), all.withStatus(ShareStatus.EXPIRED).sortedBy(HistorySort.KEY, false),
                all.withCreated(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)))
                        .sortedBy(HistorySort.KEY, false)}) {
            String label = (q.search() == null ? "" : "'" + q.search() + "' ") + (q.bucket() == null ? "" : "bucket ")
                    + (q.profile() == null ? "" : "profile ") + (q.method() == null ? "" : q.method() + " ")
                    + (q.tag() == null ? "" : "tag ")
                    + (q.status() == null ? "" : q.status().name().toLowerCase(java.util.Locale.ROOT) + " ")
                    + (q.createdFrom() == null ? "" : "created in a year ")
                    + (q.sort() == HistorySort.CREATED ? "" : "by " + q.sort());
            long[] count = {0};
            time("deep: exact count " + label, () -> (int) (count[0] = h.count(q, now)));
            time("deep: middle page " + label, () -> h.page(q, now, count[0] / 2, PAGE, count[0]).size());
            time("deep: last page " + label, () -> h.page(q, now, Math.max(0, count[0] - PAGE), PAGE, count[0])
                    .size());
        }
        time("page in the middle (offset N/2, count known)", () -> h.page(all, now, n / 2, PAGE, n).size());
        time("page in the middle (offset N/2, count not known)", () -> h.page(all, now, n / 2, PAGE, -1).size());
        time("page in the middle, oldest first", () -> h.page(all.sortedBy(HistorySort.CREATED, false), now, n / 2,
                PAGE, n).size());
        time("page at offset N/5 and 4N/5", () -> h.page(all, now, n / 5, PAGE, n).size()
                + h.page(all, now, 4L * n / 5, PAGE, -1).size());
        time("last page (count known)", () -> h.page(all, now, n - PAGE, PAGE, n).size());
        time("sort by KEY, last page", () -> h.page(all.sortedBy(HistorySort.KEY, false), now, n - PAGE, PAGE, n)
                .size());
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%nheap in use after GC: %d MB (max %d MB)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    /** A count as the view first shows it; "≈" marks an estimate. */
    private static void quick(String label, Supplier<HistoryCount> query) {
        HistoryCount[] last = new HistoryCount[1];
        time(label, () -> {
            last[0] = query.get();
            return (int) last[0].value();
        });
        if (!last[0].exact()) {
            System.out.printf(Locale.ROOT, "%-46s %32s%n", "", "(≈ estimate)");
        }
    }

    private static void time(String label, Supplier<Integer> query) {
        long c0 = System.nanoTime();
        int rows = query.get();
        double cold = (System.nanoTime() - c0) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
            long w0 = System.nanoTime();
            query.get();
            warm.add((System.nanoTime() - w0) / 1e6);
        }
        warm.sort(null);
        System.out.printf(Locale.ROOT, "%-46s %10.1f %10.1f %10d%n", label, cold, warm.get(WARM_RUNS / 2), rows);
    }

    static void seed(Database db, int n, Instant now) {
        Random r = new Random(42);
        long span = Duration.ofDays(3 * 365).getSeconds();
        Instant start = now.minusSeconds(span);
        String sql = "INSERT INTO share (created_at, profile_name, access_key_id, endpoint, region, bucket, "
                + "object_key, method, options, requested_expiry_seconds, expires_at, expiry_limited_by, url_redacted, "
                + "note, recipient, tags, object_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        int batch = 1_000;
        for (int from = 0; from < n; from += batch) {
            int first = from;
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = first; i < Math.min(n, first + batch); i++) {
                        Instant created = start.plusSeconds(span * i / n + r.nextInt(60));
                        long lifetime = new long[] {3_600, 86_400, 3 * 86_400, 7 * 86_400}[r.nextInt(4)];
                        HttpMethod method = r.nextInt(10) < 8 ? HttpMethod.GET : HttpMethod.PUT;
                        String bucket = BUCKETS[r.nextInt(BUCKETS.length)];
                        String key = key(r, i);
                        int j = 0;
                        ps.setObject(++j, OffsetDateTime.ofInstant(created, ZoneOffset.UTC));
                        ps.setString(++j, PROFILES[r.nextInt(PROFILES.length)]);
                        ps.setString(++j, "AKIABENCH" + r.nextInt(5));
                        ps.setString(++j, null);
                        ps.setString(++j, "eu-west-1");
                        ps.setString(++j, bucket);
                        ps.setString(++j, key);
                        ps.setString(++j, method.name());
                        ps.setString(++j, "{\"method\":\"" + method + "\",\"expiresIn\":\"PT" + lifetime + "S\"}");
                        ps.setLong(++j, lifetime);
                        ps.setObject(++j, OffsetDateTime.ofInstant(created.plusSeconds(lifetime), ZoneOffset.UTC));
                        ps.setString(++j, "REQUESTED");
                        ps.setString(++j, "https://" + bucket + ".s3.eu-west-1.amazonaws.com/" + key);
                        ps.setString(++j, r.nextInt(10) == 0 ? note(r, i) : null);
                        ps.setString(++j, r.nextInt(10) == 0 ? PEOPLE[r.nextInt(PEOPLE.length)] : null);
                        ps.setString(++j, r.nextInt(5) == 0 ? ",legal," : r.nextInt(5) == 0 ? ",client,q3," : null);
                        int state = r.nextInt(1000);
                        ps.setString(++j, state < 5 ? "GONE" : state < 8 ? "CHANGED" : state < 300 ? "PRESENT"
                                : "UNKNOWN");
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
    }

    /** Keys like "team/2025/report-q3 final (12345).pdf"; every 100 000th has "quokka", 1 % "invoice". */
    private static String key(Random r, int i) {
        StringBuilder sb = new StringBuilder();
        sb.append(WORDS[r.nextInt(WORDS.length)]).append('/').append(2023 + r.nextInt(4)).append('/');
        sb.append(WORDS[r.nextInt(WORDS.length)]).append('-').append(WORDS[r.nextInt(WORDS.length)]);
        if (i % 100_000 == 7) {
            sb.append(" quokkas");
        }
        if (r.nextInt(100) == 0) {
            sb.append(" Invoice ").append(r.nextInt(100_000));
        }
        sb.append(" (").append(i).append(')').append(EXT[r.nextInt(EXT.length)]);
        return sb.toString();
    }

    private static String note(Random r, int i) {
        return "for " + PEOPLE[r.nextInt(PEOPLE.length)] + ": " + WORDS[r.nextInt(WORDS.length)] + " "
                + (i % 50_000 == 3 ? "写真集 " : "") + "#" + i;
    }

    static long size(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
