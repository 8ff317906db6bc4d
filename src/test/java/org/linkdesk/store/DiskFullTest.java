package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/**
 * A full disk (a small tmpfs): the failing batch is refused with a plain message, nothing of it is kept, and once
 * space is freed the database opens with every earlier batch. Needs root to mount a tmpfs; skipped otherwise.
 */
class DiskFullTest {
    private static final int BATCH = 200;
    @TempDir
    Path temp;
    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void aFullDiskGivesAPlainMessageAndLeavesEveryEarlierBatchIntact() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a small file system");
        Path point = Files.createDirectory(temp.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", point.toString()) == 0, "mount refused");
        mount = point;
        Path data = point.resolve("data");
        Path filler = point.resolve("filler");
        int batchesKept = 0;
        Throwable failure = null;
        try (Database db = Database.open(data)) {
            Files.write(filler, new byte[768 * 1024]);
            Vault vault = new Vault(db);
            vault.create("disk full password".toCharArray());
            ShareStore shares = new ShareStore(db, vault);
            for (int b = 0; b < 1_000 && failure == null; b++) {
                int n = b;
                failure = catchThrowable(() -> shares.insertAll(batch(n)));
                if (failure == null) {
                    batchesKept++;
                }
            }
        }
        assertThat(failure).isInstanceOf(StoreException.class)
                .hasMessageContaining("is full").hasMessageContaining("Free some space");
        Files.delete(filler);

        try (Database db = Database.open(data)) {
            assertThat(db.notices()).noneMatch(n -> n.contains("damaged"));
            List<Integer> sizes = db.read(c -> {
                List<Integer> out = new ArrayList<>();
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM share GROUP BY note")) {
                    while (rs.next()) {
                        out.add(rs.getInt(1));
                    }
                }
                return out;
            });
            assertThat(sizes).hasSize(batchesKept).allMatch(s -> s == BATCH);
        }
        System.out.printf("disk full after %d batches of %d links%n", batchesKept, BATCH);
    }

    private static List<NewShare> batch(int b) {
        List<NewShare> batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            Instant now = Instant.now();
            batch.add(new NewShare(now, null, null, "AKIA", null, "us-east-1", "bucket", "batch-" + b + "/key-" + i
                    + "-" + "x".repeat(200), LinkOptions.get(Duration.ofHours(1)), now.plusSeconds(3600),
                    EffectiveExpiry.Limit.REQUESTED, "https://bucket/k?X-Amz-Signature=s" + i, "batch " + b));
        }
        return batch;
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
