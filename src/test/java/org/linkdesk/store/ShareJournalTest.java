package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;

class ShareJournalTest {
    private static final char[] PASSWORD = "journal-test-password".toCharArray();
    @TempDir
    Path dir;

    private static NewShare share(String key) {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        return new NewShare(now, null, "environment", "AKIAJOURNAL", "https://s3.eu-central-1.amazonaws.com",
                "eu-central-1", "journal-bucket", key, LinkOptions.get(Duration.ofHours(1)), now.plusSeconds(3600),
                EffectiveExpiry.Limit.REQUESTED, "https://journal-bucket.s3.amazonaws.com/" + key
                + "?X-Amz-Signature=abc", "a note");
    }

    /** A data directory with a vault, opened once more so the public key is remembered for the journal. */
    private byte[] vaultKey() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            ShareJournal.takeIn(db, vault);
        }
        return ShareJournal.rememberedSealingKey(dir).orElseThrow();
    }

    private List<String> takeInAndListKeys() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            ShareJournal.takeIn(db, vault);
            return new ShareStore(db, vault).newest(100, 0).stream().map(ShareRecord::key).sorted().toList();
        }
    }

    @Test
    void appendedLinksJoinTheHistoryOnceWithTheirUrlsSealedAndTheJournalIsOwnerOnly() throws Exception {
        byte[] key = vaultKey();
        ShareJournal.append(dir, List.of(share("a ü 写真.pdf"), share("b.txt")), key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(ShareJournal.FILE_NAME))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve(ShareJournal.FILE_NAME), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("X-Amz-Signature=abc");

        assertThat(takeInAndListKeys()).containsExactly("a ü 写真.pdf", "b.txt");
        assertThat(ShareJournal.size(dir)).isZero();
        assertThat(takeInAndListKeys()).hasSize(2);
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.unlock(PASSWORD.clone());
            ShareStore shares = new ShareStore(db, vault);
            ShareRecord first = shares.newest(10, 0).stream().filter(r -> r.key().equals("b.txt")).findFirst()
                    .orElseThrow();
            assertThat(first.note()).isEqualTo("a note");
            assertThat(shares.url(first.id())).contains("https://journal-bucket.s3.amazonaws.com/b.txt"
                    + "?X-Amz-Signature=abc");
        }
    }

    @Test
    void aRecordCutShortIsDroppedAndLaterRecordsAreKept() throws Exception {
        byte[] key = vaultKey();
        ShareJournal.append(dir, List.of(share("kept.txt")), key);
        Path file = dir.resolve(ShareJournal.FILE_NAME);
        long intact = Files.size(file);
        ShareJournal.append(dir, List.of(share("cut.txt")), key);
        byte[] all = Files.readAllBytes(file);
        // a kill in the middle of the second write: only part of its frame reached the file
        Files.write(file, java.util.Arrays.copyOf(all, (int) intact + (all.length - (int) intact) / 2));
        ShareJournal.append(dir, List.of(share("after.txt")), key);

        assertThat(takeInAndListKeys()).containsExactly("after.txt", "kept.txt");
    }

    @Test
    void aDamagedRecordLosesOnlyItself() throws Exception {
        byte[] key = vaultKey();
        ShareJournal.append(dir, List.of(share("damaged.txt")), key);
        ShareJournal.append(dir, List.of(share("fine.txt")), key);
        Path file = dir.resolve(ShareJournal.FILE_NAME);
        byte[] all = Files.readAllBytes(file);
        all[40] ^= 0x20;
        Files.write(file, all);

        assertThat(takeInAndListKeys()).containsExactly("fine.txt");
    }

    @Test
    void aCrashBetweenCommitAndTruncationRecordsNothingTwice() throws Exception {
        byte[] key = vaultKey();
        ShareJournal.append(dir, List.of(share("one.txt"), share("two.txt")), key);
        byte[] before = Files.readAllBytes(dir.resolve(ShareJournal.FILE_NAME));
        assertThat(takeInAndListKeys()).containsExactly("one.txt", "two.txt");
        // as if the process died after the commit but before emptying the journal
        Files.write(dir.resolve(ShareJournal.FILE_NAME), before, StandardOpenOption.TRUNCATE_EXISTING);
        ShareJournal.append(dir, List.of(share("three.txt")), key);

        assertThat(takeInAndListKeys()).containsExactly("one.txt", "three.txt", "two.txt");
    }

    @Test
    void aLinkSealedToAnotherKeyIsRecordedWithoutItsUrl() {
        vaultKey();
        byte[] stranger = ShareJournal.rememberedSealingKey(dir).orElseThrow().clone();
        Path other = dir.resolveSibling(dir.getFileName() + "-other");
        try (Database db = Database.open(other)) {
            Vault vault = new Vault(db);
            vault.create(PASSWORD.clone());
            stranger = vault.sealingKey().orElseThrow();
        }
        ShareJournal.append(dir, List.of(share("foreign.txt")), stranger);
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            assertThat(ShareJournal.takeIn(db, vault)).isEqualTo(1);
            ShareRecord r = new ShareStore(db, vault).newest(1, 0).get(0);
            assertThat(r.key()).isEqualTo("foreign.txt");
            assertThat(r.urlKept()).isFalse();
        }
    }

    @Test
    void theKeyFileFollowsTheVault() {
        try (Database db = Database.open(dir)) {
            ShareJournal.takeIn(db, new Vault(db));
        }
        assertThat(ShareJournal.rememberedSealingKey(dir)).isEmpty();
        assertThat(vaultKey()).isNotEmpty();
    }
}
