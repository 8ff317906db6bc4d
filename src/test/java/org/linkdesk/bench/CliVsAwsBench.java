package org.linkdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkdesk.wiring.Services;

/**
 * One presigned link as a whole process: {@code linkdesk presign} (recording it in the history) against
 * {@code aws s3 presign} (aws-cli, SigV4 through its own config file), run alternately round by round so both see
 * the same machine load. Also {@code --version} and {@code --help}. Prints medians, ratios and peak RSS (from
 * {@code /usr/bin/time}), then checks that every link we printed is in the history.
 *
 * <p>{@code mvn -o -q package -DskipTests && mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.linkdesk.bench.CliVsAwsBench} with {@code -Dbench.runs=15}, {@code -Dbench.jar=target/linkdesk.jar},
 * {@code -Dbench.launcher=PATH} (an installed or app-image {@code linkdesk} launcher; several separated by ','),
 * {@code -Dbench.javaOptions=...} (extra JVM options for the jar variant), {@code -Dbench.databasePath=true} (also
 * {@code presign --json}, which takes the full path through the database).
 */
public final class CliVsAwsBench {
    private static final String OBJECT = "s3://linkdesk-bench/reports/2025/q3 budget (final).pdf";
    private static final String PASSWORD = "bench-master-password";

    private record Variant(String name, List<String> command, boolean ours) {
    }

    private record Run(double millis, long rssKb) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 15);
        Path jar = Path.of(System.getProperty("bench.jar", "target/linkdesk.jar")).toAbsolutePath();
        Path work = Files.createTempDirectory("linkdesk-clibench");
        Path data = work.resolve("data");
        prepareDataDirectory(data);
        Path awsConfig = work.resolve("aws-config");
        Files.writeString(awsConfig, "[default]\nregion = eu-central-1\ns3 =\n    signature_version = s3v4\n");
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        env.put("AWS_REGION", "eu-central-1");
        env.put("AWS_DEFAULT_REGION", "eu-central-1");
        env.put("AWS_CONFIG_FILE", awsConfig.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        env.put("LINKDESK_HOME", data.toString());
        env.remove("AWS_PROFILE");
        env.remove("LINKDESK_DEBUG");

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> javaJar = new ArrayList<>(List.of(javaBin));
        String javaOptions = System.getProperty("bench.javaOptions", "").strip();
        if (!javaOptions.isEmpty()) {
            javaJar.addAll(Arrays.asList(javaOptions.split("\\s+")));
        }
        javaJar.addAll(List.of("-jar", jar.toString()));
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("linkdesk presign (java -jar)", concat(javaJar, "presign", OBJECT), true));
        for (String launcher : System.getProperty("bench.launcher", "").split(",")) {
            if (!launcher.isBlank()) {
                variants.add(new Variant("linkdesk presign (" + launcher.strip() + ")",
                        List.of(launcher.strip(), "presign", OBJECT), true));
            }
        }
        variants.add(new Variant("linkdesk --version (java -jar)", concat(javaJar, "--version"), false));
        variants.add(new Variant("linkdesk --help (java -jar)", concat(javaJar, "--help"), false));
        if (Boolean.getBoolean("bench.databasePath")) {
            variants.add(new Variant("linkdesk presign --json (database path)",
                    concat(javaJar, "presign", "--json", OBJECT), true));
        }
        boolean aws = onPath("aws");
        if (aws) {
            variants.add(new Variant("aws s3 presign", List.of("aws", "s3", "presign", OBJECT), false));
        } else {
            System.out.println("aws is not on the PATH: the aws-cli side is skipped (no ratios).");
        }
        boolean time = Files.isExecutable(Path.of("/usr/bin/time"));
        if (!time) {
            System.out.println("/usr/bin/time is missing: no peak RSS figures.");
        }

        System.out.printf(Locale.ROOT, "%d rounds, JDK %s, load average at start %s%n", runs,
                System.getProperty("java.version"), loadAverage());
        for (Variant v : variants) {
            run(v, env, work, time);   // warm the file cache; not measured
        }
        Map<Variant, List<Run>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v, new ArrayList<>()));
        List<Double> ratios = new ArrayList<>();
        long oursPrinted = variants.stream().filter(Variant::ours).count();
        for (int round = 0; round < runs; round++) {
            Map<Variant, Run> thisRound = new LinkedHashMap<>();
            List<Variant> order = new ArrayList<>(variants);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Variant v : order) {
                Run r = run(v, env, work, time);
                results.get(v).add(r);
                thisRound.put(v, r);
            }
            if (aws) {
                ratios.add(thisRound.get(variants.get(0)).millis() / thisRound.get(variants.get(variants.size() - 1))
                        .millis());
            }
            oursPrinted += variants.stream().filter(Variant::ours).count();
        }

        System.out.printf(Locale.ROOT, "load average at end %s%n%n", loadAverage());
        System.out.println("| command | median ms | min ms | max ms | peak RSS MB (max) |"
                + (aws ? " median / aws |" : ""));
        System.out.println("|---|---:|---:|---:|---:|" + (aws ? "---:|" : ""));
        double awsMedian = aws ? median(results.get(variants.get(variants.size() - 1))) : Double.NaN;
        for (Variant v : variants) {
            List<Run> rs = results.get(v);
            double med = median(rs);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1f |%s%n", v.name(), med,
                    rs.stream().mapToDouble(Run::millis).min().orElse(0),
                    rs.stream().mapToDouble(Run::millis).max().orElse(0),
                    rs.stream().mapToLong(Run::rssKb).max().orElse(0) / 1024.0,
                    aws ? String.format(Locale.ROOT, " %.2f× |", med / awsMedian) : "");
        }
        if (aws) {
            ratios.sort(null);
            System.out.printf(Locale.ROOT, "%nmedian of per-round ratios, presign (java -jar) / aws: %.2f×%n",
                    ratios.get(ratios.size() / 2));
        }
        try (Services services = Services.open(data)) {
            long recorded = services.shares().count();
            System.out.printf(Locale.ROOT, "links printed by our presign runs: %d; in the history: %d%s%n",
                    oursPrinted, recorded, recorded == oursPrinted ? "" : "  <-- MISMATCH");
        }
        deleteTree(work);
    }

    /** A data directory with a master password, opened twice so the vault's public key is remembered. */
    private static void prepareDataDirectory(Path data) {
        try (Services services = Services.open(data)) {
            services.vault().create(PASSWORD.toCharArray());
        }
        Services.open(data).close();
    }

    private static Run run(Variant v, Map<String, String> env, Path work, boolean time) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        Path rss = work.resolve("rss.txt");
        if (time) {
            command.addAll(List.of("/usr/bin/time", "-o", rss.toString(), "-f", "%M"));
        }
        command.addAll(v.command());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        String text = new String(out, StandardCharsets.UTF_8);
        if (code != 0 || (v.command().contains("presign") && !text.contains("X-Amz-Signature="))) {
            throw new IllegalStateException(v.name() + " failed (exit " + code + "):\n" + text);
        }
        long kb = time ? Long.parseLong(Files.readString(rss).strip().lines().reduce((a, b) -> b).orElse("0")) : 0;
        return new Run(millis, kb);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all;
    }

    private static double median(List<Run> runs) {
        double[] m = runs.stream().mapToDouble(Run::millis).sorted().toArray();
        return m.length % 2 == 1 ? m[m.length / 2] : (m[m.length / 2 - 1] + m[m.length / 2]) / 2;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
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
