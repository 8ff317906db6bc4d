package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

/** Streaming import: postings merged per batch equal a full rebuild; a failure anywhere rolls everything back. */
class ShareImportTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    @TempDir
    static java.nio.file.Path dir;
    static Database db;
    static ShareStore shares;

    @BeforeAll
    static void open() {
        db = Database.open(dir);
        shares = new ShareStore(db, new Vault(db));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static ImportedShare share(int i) {
        Instant created = T0.plusSeconds(i);
        return new ImportedShare(new NewShare(created, null, "p", "AKIAEXAMPLE", null, "eu-west-1", "bucket-" + (i % 7),
                "reports/" + (i % 13) + "/file " + i + ".pdf", LinkOptions.get(Duration.ofHours(1)),
                created.plusSeconds(3600), EffectiveExpiry.Limit.REQUESTED, null, i % 3 == 0 ? "note " + i : null),
                new ShareExtras(i % 5 == 0 ? "anna" : null, List.of(), null, null), null);
    }

    /** A feed of {@code n} shares that throws before share {@code failAt} (never, when negative). */
    private static ShareFeed feed(int n, int failAt) {
        return new ShareFeed() {
            int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public ImportedShare next() {
                if (next == failAt) {
                    throw new IllegalStateException("row " + next + " is bad");
                }
                return share(next++);
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<String> postings() {
        return db.read(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT trigram, block, postings FROM share_trigram ORDER BY trigram, block")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "/" + rs.getInt(2) + "/" + java.util.HexFormat.of()
                            .formatHex(rs.getBytes(3)));
                }
            }
            return rows;
        });
    }

    @Test
    void anImportAcrossSeveralBlocksAndBatchesIndexesLikeARebuildAndFailuresLeaveNothing() {
        int n = Postings.BLOCK_SIZE + ShareImport.BATCH + 100;
        ImportResult result = shares.importShares(() -> feed(n, -1));
        assertThat(result.imported()).isEqualTo(n);
        assertThat(shares.importShares(() -> feed(10, -1)).skipped()).isEqualTo(10);
        List<String> batched = postings();
        db.inTransaction(c -> {
            TrigramIndex.rebuild(c);
            return null;
        });
        assertThat(postings()).isEqualTo(batched);

        long before = shares.count();
        // The first n are duplicates (skipped), then 2 500 new ones are inserted, then the feed fails.
        assertThatThrownBy(() -> shares.importShares(() -> feed(n + 3000, n + 2500))).hasMessageContaining("is bad");
        assertThat(shares.count()).isEqualTo(before);
        assertThat(postings()).isEqualTo(batched);
    }
}
