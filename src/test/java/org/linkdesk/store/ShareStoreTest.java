package org.linkdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;

class ShareStoreTest {
    private static final char[] PASSWORD = "share store password".toCharArray();
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    @TempDir
    static Path dir;
    static Database db;
    static Vault vault;
    static ShareStore shares;

    @BeforeAll
    static void open() {
        db = Database.open(dir);
        vault = new Vault(db);
        vault.create(PASSWORD.clone());
        shares = new ShareStore(db, vault);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void emptyHistory() {
        db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM share"));
        if (!vault.isUnlocked()) {
            vault.unlock(PASSWORD.clone());
        }
    }

    static NewShare share(Instant createdAt, String bucket, String key, LinkOptions options, String url, String note) {
        return new NewShare(createdAt, null, "work – Ünïcode 工作", "AKIAEXAMPLE", "http://127.0.0.1:9000",
                "eu-west-1", bucket, key, options, createdAt.plus(options.expiresIn()),
                EffectiveExpiry.Limit.REQUESTED, url, note);
    }

    static String url(String signature) {
        return "http://127.0.0.1:9000/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260301T101530Z"
                + "&X-Amz-SignedHeaders=host&X-Amz-Credential=AKIAEXAMPLE%2F20260301%2Feu-west-1%2Fs3%2Faws4_request"
                + "&X-Amz-Expires=3600&X-Amz-Signature=" + signature;
    }

    @Test
    void recordsAndReadsBackEveryFieldWithAwkwardText() {
        List<String> keys = List.of(
                "reports/2026/Q1 summary (final) [v2].pdf",
                "写真/夏休み/海 🏖️.jpg",
                "Ελληνικά/ρωσικά/Привет, мир!.txt",
                "e\u0301 and \u00e9 are different keys",
                "מסמך/عربي/mixed ltr rtl.doc",
                "odd +%=/&?#*'()!\\\t~`@$^{}|<>\";: chars",
                "k".repeat(1000) + "😀😀😀");
        LinkOptions options = new LinkOptions(HttpMethod.GET, Duration.ofHours(36), "Résumé «final» 📄.pdf", true,
                "application/pdf; charset=\"utf-8\"", "no-cache, max-age=0", null);
        List<ShareRecord> recorded = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String note = "Note #" + i + " — für Zoë, 给朋友\nsecond line\ttab 🎉 'quotes' \"double\" \\ back";
            recorded.add(shares.insert(share(T0.plusSeconds(i), "my-bucket.with.dots", keys.get(i), options,
                    url("sig" + i), note)));
        }
        for (int i = 0; i < keys.size(); i++) {
            ShareRecord r = recorded.get(i);
            assertThat(shares.find(r.id())).contains(r);
            assertThat(r.key()).isEqualTo(keys.get(i));
            assertThat(r.createdAt()).isEqualTo(T0.plusSeconds(i));
            assertThat(r.expiresAt()).isEqualTo(T0.plusSeconds(i).plus(Duration.ofHours(36)));
            assertThat(r.options()).isEqualTo(options);
            assertThat(r.method()).isEqualTo(HttpMethod.GET);
            assertThat(r.note()).startsWith("Note #" + i + " — für Zoë").endsWith("\\ back");
            assertThat(r.profileName()).isEqualTo("work – Ünïcode 工作");
            assertThat(r.profileId()).isNull();
            assertThat(r.bucket()).isEqualTo("my-bucket.with.dots");
            assertThat(r.endpoint()).isEqualTo("http://127.0.0.1:9000");
            assertThat(r.region()).isEqualTo("eu-west-1");
            assertThat(r.accessKeyId()).isEqualTo("AKIAEXAMPLE");
            assertThat(r.expiryLimitedBy()).isEqualTo(EffectiveExpiry.Limit.REQUESTED);
            assertThat(r.urlKept()).isTrue();
            assertThat(shares.url(r.id())).contains(url("sig" + i));
        }
        assertThat(shares.count()).isEqualTo(keys.size());
    }

    @Test
    void everyMethodAndOptionRoundTrips() {
        List<LinkOptions> all = List.of(
                LinkOptions.get(Duration.ofSeconds(1)),
                new LinkOptions(HttpMethod.PUT, Duration.ofDays(7), null, false, null, null, "text/plain; charset=utf-8"),
                new LinkOptions(HttpMethod.HEAD, Duration.ofMinutes(15), null, false, null, null, null),
                new LinkOptions(HttpMethod.DELETE, Duration.ofSeconds(90_061), null, false, null, null, null),
                new LinkOptions(HttpMethod.GET, Duration.ofHours(1), null, true, null, "private", null));
        for (LinkOptions o : all) {
            ShareRecord r = shares.insert(share(T0, "b", "k", o, url("s"), null));
            assertThat(shares.find(r.id()).orElseThrow().options()).isEqualTo(o);
            assertThat(r.note()).isNull();
        }
        assertThat(LinkOptionsJson.read("{\"method\":\"PUT\",\"expiresIn\":\"PT2H\",\"addedLater\":[1,2]}"))
                .isEqualTo(new LinkOptions(HttpMethod.PUT, Duration.ofHours(2), null, false, null, null, null));
        assertThatThrownBy(() -> LinkOptionsJson.read("{\"method\":\"PATCH\"}")).isInstanceOf(StoreException.class)
                .hasMessage("A recorded link's options are damaged and cannot be read.");
    }

    @Test
    void newestComesFirstAndPages() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Two shares per second, so the id breaks ties.
            ids.add(shares.insert(share(T0.plusSeconds(i / 2), "b", "k" + i, LinkOptions.get(Duration.ofHours(1)),
                    url("s" + i), null)).id());
        }
        List<Long> expected = new ArrayList<>(ids);
        java.util.Collections.reverse(expected);
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 10) {
            shares.newest(10, offset).forEach(r -> paged.add(r.id()));
        }
        assertThat(paged).isEqualTo(expected);
        assertThat(shares.newest(0, 0)).isEmpty();
        assertThat(shares.newest(5, 100)).isEmpty();
        assertThatThrownBy(() -> shares.newest(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteRemovesOneShare() {
        ShareRecord a = shares.insert(share(T0, "b", "a", LinkOptions.get(Duration.ofHours(1)), url("a"), null));
        ShareRecord b = shares.insert(share(T0, "b", "b", LinkOptions.get(Duration.ofHours(1)), url("b"), null));
        assertThat(shares.delete(a.id())).isTrue();
        assertThat(shares.delete(a.id())).isFalse();
        assertThat(shares.find(a.id())).isEmpty();
        assertThat(shares.url(a.id())).isEmpty();
        assertThat(shares.find(b.id())).isPresent();
        assertThat(shares.count()).isOne();
    }

    @Test
    void storesOnlyTheRedactedUrlInTheClearAndNeedsTheVaultToReadTheRest() {
        String full = url("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
                + "&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLE%2Ftoken";
        ShareRecord r = shares.insert(share(T0, "b", "k", LinkOptions.get(Duration.ofHours(1)), full, null));
        String redacted = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT url_redacted FROM share WHERE id = ?")) {
                ps.setLong(1, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(redacted).endsWith("X-Amz-Signature=REDACTED").doesNotContain("0123456789abcdef")
                .doesNotContain("FQoGZXIvYXdzEXAMPLE");
        vault.lock();
        assertThat(shares.find(r.id()).orElseThrow().urlKept()).isTrue();
        assertThatThrownBy(() -> shares.url(r.id())).isInstanceOf(VaultLockedException.class);
        ShareRecord whileLocked = shares.insert(share(T0, "b", "k2", LinkOptions.get(Duration.ofHours(1)), full, null));
        vault.unlock(PASSWORD.clone());
        assertThat(shares.url(r.id())).contains(full);
        assertThat(shares.url(whileLocked.id())).contains(full);
    }

    @Test
    void withoutAVaultTheUrlIsNotKept(@TempDir Path other) {
        try (Database otherDb = Database.open(other)) {
            ShareStore noVault = new ShareStore(otherDb, new Vault(otherDb));
            ShareRecord r = noVault.insert(share(T0, "b", "k", LinkOptions.get(Duration.ofHours(1)), url("s"), "n"));
            assertThat(r.urlKept()).isFalse();
            assertThat(noVault.url(r.id())).isEmpty();
            assertThat(noVault.find(r.id())).contains(r);
        }
    }

    @Test
    void aShareForAProfileThatNoLongerExistsKeepsTheNameOnly() {
        NewShare s = new NewShare(T0, 999L, "gone", "AKIA", null, "us-east-1", "b", "k",
                LinkOptions.get(Duration.ofHours(1)), T0.plusSeconds(3600), EffectiveExpiry.Limit.CREDENTIALS,
                url("s"), null);
        ShareRecord r = shares.insert(s);
        assertThat(r.profileId()).isNull();
        assertThat(r.profileName()).isEqualTo("gone");
        assertThat(r.endpoint()).isNull();
        assertThat(r.expiryLimitedBy()).isEqualTo(EffectiveExpiry.Limit.CREDENTIALS);
    }

    @Test
    void statusFollowsTheExpiry() {
        ShareRecord r = shares.insert(share(T0, "b", "k", LinkOptions.get(Duration.ofDays(3)), url("s"), null));
        assertThat(r.status(T0)).isEqualTo(ShareStatus.ACTIVE);
        assertThat(r.status(T0.plus(Duration.ofDays(2)).plusSeconds(1))).isEqualTo(ShareStatus.EXPIRING);
        assertThat(r.status(T0.plus(Duration.ofDays(3)))).isEqualTo(ShareStatus.EXPIRED);
    }

    @Test
    void idsKeepGrowingWithoutGapsAcrossACleanReopen(@TempDir Path other) {
        // V18 lets the id sequence reserve 4 096 values at a time; a clean close must hand back the unused ones.
        long first;
        try (Database otherDb = Database.open(other)) {
            ShareStore s = new ShareStore(otherDb, new Vault(otherDb));
            first = s.insertAll(List.of(share(T0, "b", "k1", LinkOptions.get(Duration.ofHours(1)), url("a"), null),
                    share(T0, "b", "k2", LinkOptions.get(Duration.ofHours(1)), url("b"), null))).get(1).id();
        }
        try (Database otherDb = Database.open(other)) {
            ShareStore s = new ShareStore(otherDb, new Vault(otherDb));
            assertThat(s.insert(share(T0, "b", "k3", LinkOptions.get(Duration.ofHours(1)), url("c"), null)).id())
                    .isEqualTo(first + 1);
        }
    }
}
