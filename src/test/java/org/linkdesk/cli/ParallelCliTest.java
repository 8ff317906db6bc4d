package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;
import org.linkdesk.testing.CliProcess;
import org.linkdesk.testing.S3ProxyServer;

/** Eight {@code presign --recursive} commands started at once on one data directory all wait their turn and succeed. */
class ParallelCliTest {
    private static final int PROCESSES = 8;
    private static final int OBJECTS = 1_100;

    @TempDir
    Path work;

    @Test
    void eightRecursivePresignsAtOnceAllSucceedAndRecordEveryLink() throws Exception {
        S3ProxyServer s3 = S3ProxyServer.shared();
        String bucket = s3.newBucket();
        for (int i = 0; i < OBJECTS; i++) {
            s3.putObject(bucket, String.format("many/obj-%05d", i), new byte[] {1}, "application/octet-stream");
        }
        Path data = work.resolve("data");
        try (Database db = Database.open(data)) {
            new Vault(db).create("parallel password".toCharArray());
        }

        List<CliProcess> running = new ArrayList<>();
        try {
            for (int p = 0; p < PROCESSES; p++) {
                running.add(CliProcess.start(s3, work, "p" + p, List.of("--data-dir", data.toString(), "presign",
                        "--recursive", "--note", "p" + p, "s3://" + bucket + "/many/")));
            }
            for (CliProcess cli : running) {
                assertThat(cli.waitFor(300_000)).as("a command finished").isTrue();
                assertThat(cli.exitCode()).as(cli.stderr()).isZero();
                assertThat(new HashSet<>(cli.completeOutputLines())).hasSize(OBJECTS);
            }
        } finally {
            running.forEach(CliProcess::close);
        }
        try (Database db = Database.open(data)) {
            Set<String> perNote = new HashSet<>(db.read(c -> {
                List<String> rows = new ArrayList<>();
                try (var rs = c.createStatement().executeQuery(
                        "SELECT note || ':' || COUNT(*) FROM share GROUP BY note")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                return rows;
            }));
            for (int p = 0; p < PROCESSES; p++) {
                assertThat(perNote).contains("p" + p + ":" + OBJECTS);
            }
        }
    }
}
