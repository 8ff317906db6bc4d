package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/** The GUI and the CLI use one data directory at the same time: two JVMs, one H2 file. */
class TwoProcessesTest {
    private static final char[] PASSWORD = "two processes password".toCharArray();

    @TempDir
    Path dir;

    @Test
    void anotherProcessWritesAShareWhileThisOneHasTheDatabaseOpen() throws Exception {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            ShareStore shares = new ShareStore(db, vault);
            String url = "https://b.s3.amazonaws.com/k?X-Amz-Signature=" + "c0ffee".repeat(10) + "abcd";

            String line;
            try (ChildJvm child = ChildJvm.start("insert-share", dir.toString(), url, "from the CLI ✓")) {
                line = child.readLine();
                assertThat(child.finish()).isZero();
            }

            assertThat(line).startsWith("ID ");
            long id = Long.parseLong(line.substring(3));
            ShareRecord r = shares.find(id).orElseThrow();
            assertThat(r.note()).isEqualTo("from the CLI ✓");
            assertThat(r.profileName()).isEqualTo("child");
            assertThat(r.urlKept()).isTrue();
            assertThat(shares.url(id)).contains(url);
            assertThat(shares.count()).isOne();
        }
    }

    @Test
    void thisProcessJoinsAnOpenDatabaseAndTakesOverWhenTheOtherExits() throws Exception {
        try (ChildJvm holder = ChildJvm.start("hold", dir.toString())) {
            assertThat(holder.readLine()).isEqualTo("READY " + dir.toAbsolutePath());
            try (Database db = Database.open(dir)) {
                ShareStore shares = new ShareStore(db, new Vault(db));
                ShareRecord before = shares.insert(share("while the other process serves the file"));

                assertThat(holder.finish()).isZero();

                // The serving process has gone; the next unit of work reconnects and opens the file itself.
                ShareRecord after = shares.insert(share("after it exited"));
                assertThat(shares.newest(10, 0)).containsExactly(after, before);
            }
        }
        try (Database db = Database.open(dir)) {
            assertThat(new ShareStore(db, new Vault(db)).count()).isEqualTo(2);
        }
    }

    @Test
    void severalProcessesStartingAtOnceOnANewDirectoryAllGetTheirWorkDone() throws Exception {
        long start = System.nanoTime();
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                children.add(ChildJvm.start("insert-shares", dir.toString(), "10"));
            }
            try (Database db = Database.open(dir)) {
                ShareStore shares = new ShareStore(db, new Vault(db));
                for (int i = 0; i < 10; i++) {
                    shares.insert(share("parent " + i));
                }
            }
            for (ChildJvm child : children) {
                assertThat(child.readLine()).isEqualTo("DONE");
                assertThat(child.finish()).isZero();
            }
        } finally {
            children.forEach(ChildJvm::close);
        }
        try (Database db = Database.open(dir)) {
            assertThat(new ShareStore(db, new Vault(db)).count()).isEqualTo(40);
        }
        System.out.printf("four processes wrote 40 shares in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private static NewShare share(String note) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new NewShare(now, null, null, "AKIA", null, "us-east-1", "b", "k", LinkOptions.get(Duration.ofHours(1)),
                now.plusSeconds(3600), EffectiveExpiry.Limit.REQUESTED, "https://b/k?X-Amz-Signature=x", note);
    }
}
