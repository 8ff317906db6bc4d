package org.linkdesk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jclouds.blobstore.BlobStore;
import org.linkdesk.wiring.Services;
import org.linkdesk.browse.BrowseView;
import org.linkdesk.browse.BrowseViewModel;
import org.linkdesk.core.s3.ListObjectsRequest;
import org.linkdesk.core.s3.ListingWalker;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.FxTaskRunner;

/**
 * Browsing benchmark (see docs/BENCHMARKS.md, "Browsing"): a 100 000-object prefix on S3Proxy, listed over HTTP
 * with {@link S3Http}, then opened in the real Browse tab (headless Monocle) while a probe measures how long the FX
 * thread is kept from running.
 *
 * <p>Tunables: {@code bench.objects} (100 000), {@code bench.runs} (2). Each measurement is preceded by a warm-up
 * run over a 3 000-object prefix.
 */
public final class BrowseBench {
    private static final int OBJECTS = Integer.getInteger("bench.objects", 100_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 2);
    /** Warm-up runs list this smaller prefix: S3Proxy's in-memory store reads every blob of the bucket per page. */
    private static final int WARM_OBJECTS = 3_000;
    private static final long PROBE_MICROS = 2_000;
    /** {@code -Dbench.serverNice=N}: the S3Proxy child's nice value on Linux (10; 0 for none). */
    private static final int SERVER_NICE = Integer.getInteger("bench.serverNice", 10);
    /** {@code -Dbench.diagnose=true}: print where the FX thread is when it stalls for more than 40 ms. */
    private static final boolean DIAGNOSE = Boolean.getBoolean("bench.diagnose");

    private BrowseBench() {
    }

    private static final String BUCKET = "browse-bench";

    /** Without arguments: the benchmark. With {@code server}: the S3Proxy child process it starts. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            serve();
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Process server = startServer();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String endpoint = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("READY ")) {
                    endpoint = line.substring(6);
                    break;
                }
                if (line.startsWith("Seeded")) {
                    System.out.println(line);
                }
            }
            if (endpoint == null) {
                throw new IllegalStateException("the S3Proxy child process did not start");
            }
            Thread drain = new Thread(() -> {
                try {
                    while (lines.readLine() != null) {
                        // The child's log lines are not needed; reading keeps its pipe from filling up.
                    }
                } catch (java.io.IOException e) {
                    // The child ended.
                }
            }, "server-output");
            drain.setDaemon(true);
            drain.start();
            S3Endpoint s3 = S3Endpoint.custom(endpoint, S3ProxyServer.REGION, true);
            S3Http http = new S3Http(Duration.ofSeconds(5), Duration.ofSeconds(60));
            listOverHttp(http, s3);
            listInTheBrowseTab(http, s3, endpoint);
        } finally {
            server.destroy();
        }
        System.exit(0);
    }

    /** The server, in a JVM of its own so that its work (and garbage) does not pause the app's JVM. */
    private static Process startServer() throws Exception {
        List<String> entries = new ArrayList<>();
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
        }
        if (entries.isEmpty()) {
            entries.add(System.getProperty("java.class.path"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        // A real S3 endpoint is another machine: here the server shares the app's two CPUs, so it runs at a lower
        // scheduling priority (still all the CPU nobody else wants) unless -Dbench.serverNice=0.
        if (SERVER_NICE != 0 && Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", String.valueOf(SERVER_NICE)));
        }
        command.addAll(List.of(java, "-Xmx2g", "-Dbench.objects=" + OBJECTS, "-cp",
                String.join(File.pathSeparator, entries), BrowseBench.class.getName(), "server"));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void serve() throws Exception {
        S3ProxyServer s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
        long seedStart = System.nanoTime();
        seed(s3.blobStore(), BUCKET);
        System.out.printf(Locale.ROOT, "Seeded %,d objects under big/ in %.1f s (S3Proxy's in-memory blob store, "
                + "in a child JVM, no HTTP)%n", OBJECTS, (System.nanoTime() - seedStart) / 1e9);
        System.out.println("READY " + s3.endpoint());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Runs until the parent ends (standard input closes).
        }
        s3.stop();
    }

    private static void seed(BlobStore store, String bucket) {
        byte[] body = "x".repeat(64).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < OBJECTS + WARM_OBJECTS; i++) {
            String key = (i < OBJECTS ? "big/" : "warm/") + "object-" + String.format(Locale.ROOT, "%06d", i) + ".bin";
            store.putBlob(bucket, store.blobBuilder(key).payload(body).contentLength(body.length)
                    .contentType("application/octet-stream").build());
        }
    }

    private static void listOverHttp(S3Http http, S3Endpoint endpoint) {
        String bucket = BUCKET;
        ListingWalker walker = new ListingWalker(http, endpoint, S3ProxyServer.credentials());
        List<Double> first = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            String prefix = run == 0 ? "warm/" : "big/";
            int expected = run == 0 ? WARM_OBJECTS : OBJECTS;
            long t0 = System.nanoTime();
            long[] firstAt = {0};
            long seen = walker.walk(ListObjectsRequest.folder(bucket, prefix), () -> false, page -> {
                if (firstAt[0] == 0) {
                    firstAt[0] = System.nanoTime();
                }
                return true;
            });
            long t1 = System.nanoTime();
            if (seen != expected) {
                throw new IllegalStateException("listed " + seen + " objects, expected " + expected);
            }
            if (run > 0) {   // run 0 warms the JIT and the connection
                first.add((firstAt[0] - t0) / 1e6);
                full.add((t1 - t0) / 1e6);
                System.out.printf(Locale.ROOT, "  HTTP run %d: first page %.1f ms, all %.1f ms%n", run,
                        first.get(run - 1), full.get(run - 1));
            }
        }
        System.out.printf(Locale.ROOT, "S3Http over HTTP, %d runs after a warm-up run: first page %s ms, full "
                + "listing (%d pages) %s ms%n", RUNS, summary(first), (OBJECTS + 999) / 1000, summary(full));
    }

    private static void listInTheBrowseTab(S3Http http, S3Endpoint endpoint, String endpointUrl) throws Exception {
        String bucket = BUCKET;
        Path dir = Files.createTempDirectory("linkdesk-bench");
        Services services = Services.open(dir, java.time.Clock.systemUTC(), http);
        services.vault().create("benchmark password".toCharArray());
        Profile profile = services.profiles().create(new ProfileDraft("bench", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, endpointUrl, true));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        TimedRunner tasks = new TimedRunner();
        Platform.runLater(() -> Probe.fxThread = Thread.currentThread());
        BrowseViewModel[] model = new BrowseViewModel[1];
        BrowseView[] view = new BrowseView[1];
        Platform.runLater(() -> {
            model[0] = new BrowseViewModel(() -> http, services.profiles(), services.bookmarks(), services.links(), tasks,
                    text -> { }, services.clock(), ZoneId.of("UTC"), new SimpleObjectProperty<>(profile));
            view[0] = new BrowseView(model[0], ZoneId.of("UTC"), (b, o) -> { }, (b, k) -> { });
            Stage stage = new Stage();
            Scene scene = new Scene(view[0].root(), 1040, 700);
            scene.getStylesheets().add(org.linkdesk.app.MainWindow.class.getResource("linkdesk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        // The tab warms its table code on a hidden copy soon after it is shown: let that finish first, as it would
        // while a user picks a bucket.
        long w0 = System.nanoTime();
        CountDownLatch warmed = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (view[0].tableWarmedUpProperty().get()) {
                warmed.countDown();
            }
            view[0].tableWarmedUpProperty().addListener((o, was, now) -> warmed.countDown());
        });
        if (!warmed.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the Browse tab's table warm-up did not finish");
        }
        System.out.printf(Locale.ROOT, "table warm-up done %.1f s after the stage was shown%n",
                (System.nanoTime() - w0) / 1e9);
        List<Double> first = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        List<Double> stalls = new ArrayList<>();
        List<Double> fxCpu = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            String prefix = run == 0 ? "warm/" : "big/";
            int expected = run == 0 ? WARM_OBJECTS : OBJECTS;
            tasks.worstCallbackNanos.set(0);
            long gc0 = gcMillis();
            if (DIAGNOSE) {
                System.out.printf("-- FX run %d starts%n", run);
            }
            Probe probe = new Probe();
            probe.start();
            long t0 = System.nanoTime();
            AtomicLong firstAt = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                model[0].objects().open(bucket, prefix);
                var items = view[0].table().getItems();
                items.addListener(new javafx.collections.ListChangeListener<Object>() {
                  @Override
                  public void onChanged(Change<?> c) {
                    if (firstAt.get() == 0 && !items.isEmpty()) {
                        firstAt.set(System.nanoTime());
                        model[0].objects().loadAll();
                    }
                    // Then jump to the end of the list, as a user dragging the scroll bar down would.
                    Platform.runLater(() -> view[0].table().scrollTo(items.size() - 1));
                    if (items.size() == expected) {
                        items.removeListener(this);
                        done.countDown();
                    }
                  }
                });
            });
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the Browse tab did not finish listing");
            }
            long t1 = System.nanoTime();
            waitForPulses(3);
            long worst = probe.finish();
            if (run > 0) {
                fxCpu.add(tasks.worstCallbackNanos.get() / 1e6);
                first.add((firstAt.get() - t0) / 1e6);
                full.add((t1 - t0) / 1e6);
                stalls.add(worst / 1e3);
                busy.add(probe.worstBusyMicros.get() / 1e3);
                System.out.printf(Locale.ROOT, "  FX run %d: first rows %.1f ms, all %.1f ms, longest stall %.1f ms, "
                        + "of which FX-thread CPU %.1f ms, longest page hand-over %.1f ms CPU, GC %d ms in all%n", run,
                        first.get(run - 1), full.get(run - 1), stalls.get(run - 1), busy.get(run - 1),
                        fxCpu.get(run - 1), gcMillis() - gc0);
            }
        }
        System.out.printf(Locale.ROOT, "Browse tab (FX, headless), %d runs after a warm-up run: first rows shown "
                + "%s ms, all %,d rows %s ms, longest FX-thread stall %s ms (FX-thread CPU within it %s ms), longest page hand-over on the FX thread (CPU) %s ms "
                + "(load average %.1f on %d CPUs)%n", RUNS, summary(first), OBJECTS, summary(full), summary(stalls),
                summary(busy), summary(fxCpu), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        tasks.close();
        services.close();
    }

    private static void waitForPulses(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            CountDownLatch latch = new CountDownLatch(1);
            Platform.runLater(latch::countDown);
            latch.await();
            Thread.sleep(20);
        }
    }

    /** Times (in FX-thread CPU) each callback that hands a result to the UI, e.g. a page appended to the table. */
    private static final class TimedRunner implements org.linkdesk.ui.tasks.TaskRunner {
        final AtomicLong worstCallbackNanos = new AtomicLong();
        private final FxTaskRunner inner = new FxTaskRunner(2, org.linkdesk.ui.tasks.UnhandledErrors::log,
                callback -> Platform.runLater(() -> {
                    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                    long t0 = mx.getCurrentThreadCpuTime();
                    callback.run();
                    worstCallbackNanos.accumulateAndGet(mx.getCurrentThreadCpuTime() - t0, Math::max);
                }));

        @Override
        public <T> org.linkdesk.ui.tasks.Task<T> runWithContext(org.linkdesk.ui.tasks.Work<T> work) {
            return inner.runWithContext(work);
        }

        @Override
        public void runOnUiThread(Runnable action) {
            inner.runOnUiThread(action);
        }

        void close() {
            inner.close();
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** "median (min–max)" */
    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    /**
     * Posts a tiny task to the FX thread every 2 ms and records how late it ran: the longest delay is the longest
     * time the FX thread was busy (layout, CSS, list changes, rendering) and could not answer the user.
     */
    private static final class Probe extends Thread {
        private volatile boolean running = true;
        static volatile Thread fxThread;
        private static final java.lang.management.ThreadMXBean MX =
                java.lang.management.ManagementFactory.getThreadMXBean();
        private final AtomicLong worstMicros = new AtomicLong();
        /** The most CPU the FX thread used within one probe's wait: its own work, without waiting for a CPU. */
        final AtomicLong worstBusyMicros = new AtomicLong();

        Probe() {
            super("fx-stall-probe");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                long posted = System.nanoTime();
                Thread fx = fxThread;
                long cpuBefore = fx == null ? 0 : MX.getThreadCpuTime(fx.getId());
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    long late = (System.nanoTime() - posted) / 1_000;
                    worstMicros.accumulateAndGet(late, Math::max);
                    long busy = (MX.getCurrentThreadCpuTime() - cpuBefore) / 1_000;
                    worstBusyMicros.accumulateAndGet(fx == null ? 0 : busy, Math::max);
                    ran.countDown();
                });
                try {
                    if (DIAGNOSE && !ran.await(40, TimeUnit.MILLISECONDS) && fxThread != null) {
                        StringBuilder sb = new StringBuilder("FX thread busy > 40 ms in:\n");
                        StackTraceElement[] stack = fxThread.getStackTrace();
                        for (int i = 0; i < Math.min(stack.length, 40); i++) {
                            sb.append("    at ").append(stack[i]).append('\n');
                        }
                        System.out.print(sb);
                    }
                    ran.await();
                    TimeUnit.MICROSECONDS.sleep(PROBE_MICROS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            running = false;
            join();
            return worstMicros.get();
        }
    }
}
