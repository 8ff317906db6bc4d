package org.linkdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.store.Database;
import org.linkdesk.store.HistoryCount;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryRepository;
import org.linkdesk.store.HistorySort;
import org.linkdesk.store.HistoryStore;
import org.linkdesk.store.ShareStatus;
import org.linkdesk.team.TeamConnection;
import org.linkdesk.team.TeamDatabase;
import org.linkdesk.team.TeamHistoryStore;
import org.linkdesk.testing.PostgresCluster;

/**
 * The History view's queries on the same N shares in H2 (the personal history, {@link HistoryBench}'s data) and in
 * the team database on PostgreSQL (pg_trgm), side by side in one run: first page, searches, counts, filters, sorts,
 * deep pages. Each query runs once cold, then 3 times (median).
 *
 * <pre>MAVEN_OPTS=-Xmx256m nice mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.linkdesk.bench.TeamHistoryBench -Dbench.shares=1000000 [-Dbench.keepDir=DIR]
 *     [-Dbench.pgUrl=jdbc:postgresql://HOST/DB -Dbench.pgUser=USER (password: PGPASSWORD or ~/.pgpass)]</pre>
 *
 * Without {@code bench.pgUrl} a throw-away PostgreSQL 15 cluster is started (as the tests do) with
 * {@code shared_buffers} = {@code bench.pgSharedBuffers} (default 128MB, PostgreSQL's own default).
 */
public final class TeamHistoryBench {
    private static final int PAGE = 50;
    private static final int WARM_RUNS = 3;

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.shares", 1_000_000);
        String keep = System.getProperty("bench.keepDir");
        Path dir = keep != null ? Files.createDirectories(Path.of(keep))
                : Files.createTempDirectory("linkdesk-team-bench");
        Instant now = Instant.now();
        System.out.printf(Locale.ROOT, "Team history benchmark: %,d shares; H2 in %s; max heap %d MB; %s, %d cores%n",
                n, dir, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        Database h2 = Database.open(dir);
        try {
            HistoryStore personal = new HistoryStore(h2);
            if (personal.count(HistoryQuery.NEWEST_FIRST, now) != n) {
                long t0 = System.nanoTime();
                HistoryBench.seed(h2, n, now);
                personal.rebuildSearchIndex();
                h2.inTransaction(c -> c.createStatement().execute("CHECKPOINT SYNC"));
                System.out.printf(Locale.ROOT, "H2 seeded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            h2.close();
            h2 = Database.open(dir);
            TeamConnection pg = teamConnection();
            try (TeamDatabase team = TeamDatabase.open(pg, 4)) {
                team.migrate();
                long t0 = System.nanoTime();
                TeamBenchLoad.load(h2, pg);
                System.out.printf(Locale.ROOT, "PostgreSQL loaded (COPY, indexes rebuilt, VACUUM ANALYZE) in %.1f s;"
                        + " share table with indexes %s%n", (System.nanoTime() - t0) / 1e9, team.read(c -> {
                            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                                    "SELECT pg_size_pretty(pg_total_relation_size('share'))")) {
                                rs.next();
                                return rs.getString(1);
                            }
                        }));
                System.out.printf(Locale.ROOT, "H2 database file %,d MB%n", HistoryBench.size(dir) >> 20);
                run(new HistoryStore(h2), new TeamHistoryStore(team), now, n);
                plans(team);
            }
        } finally {
            h2.close();
            if (keep == null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static TeamConnection teamConnection() throws Exception {
        String url = System.getProperty("bench.pgUrl");
        if (url != null) {
            return new TeamConnection(url, System.getProperty("bench.pgUser"), System.getenv("PGPASSWORD"));
        }
        PostgresCluster cluster = PostgresCluster.shared();
        String buffers = System.getProperty("bench.pgSharedBuffers", "128MB");
        cluster.admin(s -> s.execute("ALTER SYSTEM SET shared_buffers = '" + buffers + "'"));
        cluster.stop();
        cluster.restart();
        PostgresCluster.Login login = cluster.newDatabase();
        System.out.println("PostgreSQL 15 test cluster, shared_buffers " + buffers + ", fsync off");
        return new TeamConnection(login.url(), login.user(), login.password());
    }

    private static void run(HistoryRepository h2, HistoryRepository pg, Instant now, int n) {
        HistoryQuery all = HistoryQuery.NEWEST_FIRST;
        System.out.printf("%n%-44s %21s %21s %s%n", "query (pages of " + PAGE + " rows)", "H2 cold / warm ms",
                "PostgreSQL cold/warm", "rows");
        System.out.printf("%-44s %21s %21s %s%n", "", "", "", "(H2 | PG)");
        both("first page, newest first", h2, pg, h -> h.page(all, now, 0, PAGE, -1).size());
        both("count all (exact)", h2, pg, h -> h.count(all, now));
        quick("count all shown at once", h2, pg, all, now);
        both("summary bar", h2, pg, h -> h.summary(now).total());
        for (String term : new String[] {"report", "q3 budget", "pd", "invoice", "quokka", "zoë", "写真集", "anna@",
                "xyzzy"}) {
            HistoryQuery q = all.withSearch(term);
            both("search '" + term + "'", h2, pg, h -> h.page(q, now, 0, PAGE, -1).size());
            quick("  count shown at once", h2, pg, q, now);
            both("  exact count", h2, pg, h -> h.count(q, now));
        }
        both("filter bucket", h2, pg, h -> h.page(all.withBucket(HistoryBench.BUCKETS[3]), now, 0, PAGE, -1).size());
        quick("  count bucket", h2, pg, all.withBucket(HistoryBench.BUCKETS[3]), now);
        both("filter profile", h2, pg, h -> h.page(all.withProfile("client-acme"), now, 0, PAGE, -1).size());
        both("filter method PUT", h2, pg, h -> h.page(all.withMethod(HttpMethod.PUT), now, 0, PAGE, -1).size());
        quick("  count method GET", h2, pg, all.withMethod(HttpMethod.GET), now);
        both("filter tag", h2, pg, h -> h.page(all.withTag("legal"), now, 0, PAGE, -1).size());
        quick("  count tag", h2, pg, all.withTag("legal"), now);
        for (ShareStatus s : ShareStatus.values()) {
            both("filter status " + s, h2, pg, h -> h.page(all.withStatus(s), now, 0, PAGE, -1).size());
            both("  count status " + s, h2, pg, h -> h.count(all.withStatus(s), now));
        }
        HistoryQuery month = all.withCreated(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(370)));
        both("filter created in one month", h2, pg, h -> h.page(month, now, 0, PAGE, -1).size());
        quick("  count created in one month", h2, pg, month, now);
        HistoryQuery reportBucket = all.withSearch("report").withBucket(HistoryBench.BUCKETS[7]);
        both("search 'report' + bucket", h2, pg, h -> h.page(reportBucket, now, 0, PAGE, -1).size());
        quick("  count shown at once", h2, pg, reportBucket, now);
        HistoryQuery mine = all.withMadeBy("carol");
        both("made by carol (H2: one maker, no filter)", h2, pg, h -> h.page(mine, now, 0, PAGE, -1).size());
        quick("  count made by carol", h2, pg, mine, now);
        HistoryQuery mineReport = mine.withSearch("report");
        both("made by carol + search 'report'", h2, pg, h -> h.page(mineReport, now, 0, PAGE, -1).size());
        for (HistorySort sort : List.of(HistorySort.KEY, HistorySort.EXPIRES, HistorySort.STATUS, HistorySort.BUCKET,
                HistorySort.NOTE)) {
            both("sort by " + sort + " ascending", h2, pg, h -> h.page(all.sortedBy(sort, false), now, 0, PAGE, -1)
                    .size());
        }
        both("page in the middle (count known)", h2, pg, h -> h.page(all, now, n / 2, PAGE, n).size());
        both("page in the middle (count not known)", h2, pg, h -> h.page(all, now, n / 2, PAGE, -1).size());
        both("last page (count known)", h2, pg, h -> h.page(all, now, n - PAGE, PAGE, n).size());
        both("sort by KEY, last page", h2, pg, h -> h.page(all.sortedBy(HistorySort.KEY, false), now, n - PAGE,
                PAGE, n).size());
        both("export: stream every row", h2, pg, h -> {
            long[] rows = new long[1];
            h.forEach(all, now, e -> rows[0]++);
            return rows[0];
        }, 0);
    }

    /** The plans PostgreSQL chose for the searches (EXPLAIN ANALYZE), to see the trigram index at work. */
    private static void plans(TeamDatabase team) {
        for (String search : new String[] {"xyzzy", "quokka", "report", "q3 budget", "pd"}) {
            List<String> likes = new ArrayList<>();
            for (String word : search.split(" ")) {
                likes.add("search_text LIKE '%" + word + "%'");
            }
            String sql = "SELECT id FROM share WHERE " + String.join(" AND ", likes)
                    + " ORDER BY created_at DESC, id DESC LIMIT " + PAGE;
            System.out.println("\nEXPLAIN ANALYZE " + sql);
            team.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) " + sql)) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
                return null;
            });
        }
    }

    private static void quick(String label, HistoryRepository h2, HistoryRepository pg, HistoryQuery q, Instant now) {
        both(label, h2, pg, h -> {
            HistoryCount c = h.quickCount(q, now);
            return c.exact() ? c.value() : -c.value();
        });
    }

    private static void both(String label, HistoryRepository h2, HistoryRepository pg,
                             Function<HistoryRepository, Number> query) {
        both(label, h2, pg, query, WARM_RUNS);
    }

    /** Negative row figures are estimates (shown with "≈"). */
    private static void both(String label, HistoryRepository h2, HistoryRepository pg,
                             Function<HistoryRepository, Number> query, int warmRuns) {
        double[] a = time(h2, query, warmRuns);
        double[] b = time(pg, query, warmRuns);
        System.out.printf(Locale.ROOT, "%-44s %10.1f %10s %10.1f %10s %s | %s%n", label, a[0], warm(a[1]), b[0],
                warm(b[1]), rows(a[2]), rows(b[2]));
    }

    private static String warm(double ms) {
        return Double.isNaN(ms) ? "—" : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String rows(double v) {
        return v < 0 ? String.format(Locale.ROOT, "≈%,.0f", -v) : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static double[] time(HistoryRepository h, Function<HistoryRepository, Number> query, int warmRuns) {
        long c0 = System.nanoTime();
        double rows = query.apply(h).doubleValue();
        double cold = (System.nanoTime() - c0) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < warmRuns; i++) {
            long w0 = System.nanoTime();
            query.apply(h);
            warm.add((System.nanoTime() - w0) / 1e6);
        }
        warm.sort(null);
        return new double[] {cold, warm.isEmpty() ? Double.NaN : warm.get(warmRuns / 2), rows};
    }
}
