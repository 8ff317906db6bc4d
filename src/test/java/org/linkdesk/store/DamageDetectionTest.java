package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/**
 * A database file cut short or with flipped bits: opening it never fails, a cut is always detected (the damaged file
 * kept aside byte for byte, the user told what was kept), and whatever is recovered of a cut file is whole batches.
 */
class DamageDetectionTest {
    private static final int BATCHES = 6;
    private static final int BATCH = 250;
    @TempDir
    static Path original;
    @TempDir
    Path dir;

    @BeforeAll
    static void writeBatches() {
        try (Database db = Database.open(original)) {
            Vault vault = new Vault(db);
            vault.create("damage detection password".toCharArray());
            ShareStore shares = new ShareStore(db, vault);
            for (int b = 0; b < BATCHES; b++) {
                List<NewShare> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    Instant now = Instant.now();
                    batch.add(new NewShare(now, null, null, "AKIA", null, "us-east-1", "bucket", "b" + b + "/k" + i,
                            LinkOptions.get(Duration.ofHours(1)), now.plusSeconds(3600),
                            EffectiveExpiry.Limit.REQUESTED, "https://bucket/k?X-Amz-Signature=s" + i, "batch " + b));
                }
                shares.insertAll(batch);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {95, 90, 75, 50, 25, 1})
    void aFileCutShortIsDetectedKeptAsideAndWholeBatchesRecovered(int percent) throws Exception {
        copyOriginal();
        Path file = dir.resolve("linkdesk.mv.db");
        byte[] cut;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() * percent / 100);
        }
        cut = Files.readAllBytes(file);

        try (Database db = Database.open(dir)) {
            List<String> notices = db.notices();
            assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("Linkdesk found its database damaged (")
                    .contains("It kept the damaged file as " + dir.resolve("linkdesk-damaged-")));
            assertWholeBatches(db);
        }
        assertThat(keptAside()).hasBinaryContent(cut);
    }

    @Test
    void flippedBitsNeverStopTheDatabaseFromOpeningAndEveryRowLeftIsReadable() throws Exception {
        Random random = new Random(20261204L);
        int detected = 0;
        int trials = 12;
        for (int t = 0; t < trials; t++) {
            clear();
            copyOriginal();
            Path file = dir.resolve("linkdesk.mv.db");
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                for (int flips = 0; flips < 8; flips++) {
                    long at = (long) (random.nextDouble() * raf.length());
                    raf.seek(at);
                    int b = raf.read();
                    raf.seek(at);
                    raf.write(b ^ (1 << random.nextInt(8)));
                }
            }
            try (Database db = Database.open(dir)) {
                if (db.notices().stream().anyMatch(n -> n.contains("damaged"))) {
                    detected++;
                }
                // H2 checksums its chunk headers and footers, not row values: a flip inside a value can go unseen.
                db.read(c -> {
                    StoreIntegrity.readEverything(c);
                    return null;
                });
            }
        }
        System.out.printf("bit flips: damage detected in %d of %d files%n", detected, trials);
    }

    private static void assertWholeBatches(Database db) {
        List<String> counts = db.read(c -> {
            List<String> rows = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT note, COUNT(*) FROM share GROUP BY note")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "=" + rs.getInt(2));
                }
            }
            return rows;
        });
        assertThat(counts).allSatisfy(c -> assertThat(c).endsWith("=" + BATCH));
    }

    private void copyOriginal() throws Exception {
        try (Stream<Path> files = Files.list(original)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }

    private void clear() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private Path keptAside() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("linkdesk-damaged-")).findFirst()
                    .orElseThrow();
        }
    }
}
