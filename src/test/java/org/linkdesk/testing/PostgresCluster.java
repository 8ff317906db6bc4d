package org.linkdesk.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the team-mode tests: Debian's binaries, a cluster initialised in a temporary directory,
 * listening on a free loopback port, stopped when the test JVM ends. One per JVM; each test takes its own fresh
 * database ({@link #newDatabase()}). As root, the server runs as the {@code postgres} account (initdb refuses root).
 * Without the binaries the tests are skipped — except under CI ({@code CI=true}), where that is a failure.
 */
public final class PostgresCluster {
    public static final String ADMIN = "linkdesk_admin";
    public static final String ADMIN_PASSWORD = "admin-" + Long.toHexString(System.nanoTime());
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster shared;

    private final Path bin;
    private final Path dataDirectory;
    private final int port;
    private final boolean asPostgresUser;
    private boolean running;

    private PostgresCluster(Path bin, Path dataDirectory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The JVM's cluster, started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            Path bin = findBin();
            if (bin == null) {
                String why = "PostgreSQL server binaries not found (Debian package postgresql; or set LINKDESK_PG_BIN)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException(why + ": .ci/run installs them");
                }
                Assumptions.abort(why);
            }
            try {
                PostgresCluster cluster = create(bin);
                cluster.start();
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopQuietly, "postgres-stop"));
                shared = cluster;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not start a PostgreSQL cluster for the tests", e);
            }
        }
        return shared;
    }

    static Path findBin() {
        String given = System.getenv("LINKDESK_PG_BIN");
        if (given != null && Files.isExecutable(Path.of(given, "initdb"))) {
            return Path.of(given);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(p -> versionOf(p.getParent())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int versionOf(Path versionDirectory) {
        try {
            return Integer.parseInt(versionDirectory.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresCluster create(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory("linkdesk-pg-");
        Path data = base.resolve("data");
        Path pwfile = base.resolve("pw");
        Files.writeString(pwfile, ADMIN_PASSWORD + "\n");
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", base.toString()));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(bin, data, port, root);
        cluster.exec(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", ADMIN,
                "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        Files.deleteIfExists(pwfile);
        String conf = "\nlisten_addresses = '127.0.0.1'\nport = " + port + "\nunix_socket_directories = '"
                + base + "'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 200\n"
                + "shared_buffers = 64MB\n";
        Files.writeString(data.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return cluster;
    }

    private void start() throws IOException, InterruptedException {
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-l",
                dataDirectory.resolveSibling("server.log").toString(), "-w", "-t", "120", "start"));
        running = true;
    }

    /** Stops the server ("fast": open sessions are ended) — for tests of a database that goes away. */
    public synchronized void stop() throws IOException, InterruptedException {
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t",
                "120", "stop"));
        running = false;
    }

    /** Starts the server again after {@link #stop()}, on the same port with the same data. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (!running) {
            start();
        }
    }

    private void stopQuietly() {
        try {
            if (running) {
                exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", "immediate",
                        "-w", "stop"));
            }
            deleteTree(dataDirectory.getParent());
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // The JVM is ending; a left-over temporary directory is harmless.
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of {@code database} on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A fresh, empty database owned by a fresh login role; returns its URL, user and password. */
    public Login newDatabase() {
        int n = DATABASES.incrementAndGet();
        String name = "linkdesk_t" + n + "_" + Long.toHexString(System.nanoTime() & 0xffffff);
        String user = "member_" + n;
        String password = "pw-" + Long.toHexString(System.nanoTime());
        admin(s -> {
            s.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + user);
        });
        return new Login(url(name), user, password, name);
    }

    /** Runs statements as the cluster's superuser, in the {@code postgres} database. */
    public void admin(SqlStatements statements) {
        try (Connection c = DriverManager.getConnection(url("postgres"), ADMIN, ADMIN_PASSWORD);
             Statement s = c.createStatement()) {
            statements.run(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Statements run by {@link #admin}. */
    @FunctionalInterface
    public interface SqlStatements {
        void run(Statement statement) throws SQLException;
    }

    /** A database made for one test. */
    public record Login(String url, String user, String password, String database) {
    }

    private void exec(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
