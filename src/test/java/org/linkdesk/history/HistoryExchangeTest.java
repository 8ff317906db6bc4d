package org.linkdesk.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.ImportResult;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareExtras;

/** Export and import: round trips with awkward text, merging, and all-or-nothing rejection of bad files. */
class HistoryExchangeTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");
    private static final List<String> KEYS = List.of("reports/2026/Q1 summary (final) [v2].pdf",
            "写真/夏休み/海 🏖️.jpg", "Ελληνικά/Привет, мир!.txt", "e\u0301 and \u00e9 differ",
            "מסמך/عربي/mixed.doc", "odd +%=/&?#*'()!\\\t~`@$^{}|<>\";: chars", "line\nbreak,comma\r\n.txt",
            " leading and trailing spaces ", "=SUM(A1)", "\"quoted\"");

    @TempDir
    Path dir;
    Services services;
    Services other;

    @BeforeEach
    void open() {
        services = Services.open(dir.resolve("a"));
        services.vault().create("exchange test pass".toCharArray());
        other = Services.open(dir.resolve("b"));
        other.vault().create("exchange test other".toCharArray());
        for (int i = 0; i < KEYS.size(); i++) {
            Instant created = T0.plusSeconds(i * 60L);
            LinkOptions options = new LinkOptions(i % 2 == 0 ? HttpMethod.GET : HttpMethod.PUT, Duration.ofHours(5),
                    i % 2 == 0 ? "Résumé «final» 📄.pdf" : null, i % 4 == 0, null, null,
                    i % 2 == 0 ? null : "text/plain; charset=utf-8");
            services.shares().insert(new NewShare(created, null, i % 3 == 0 ? null : "work – 工作", "AKIAEXAMPLE",
                    "http://127.0.0.1:9000", "eu-west-1", "my-bucket.with.dots", KEYS.get(i), options,
                    created.plus(options.expiresIn()), EffectiveExpiry.Limit.REQUESTED,
                    "http://127.0.0.1:9000/b/k?X-Amz-Signature=secret" + i,
                    "Note #" + i + " — für Zoë, 给朋友\nsecond line\ttab 🎉 'q' \"dq\" \\, comma"),
                    new ShareExtras(i % 2 == 0 ? "Zoë <zoe@example.com>" : null, i % 3 == 0 ? List.of("legal", "q3")
                            : List.of(), i % 2 == 0 ? "etag-" + i : null, null));
        }
    }

    @AfterEach
    void close() {
        services.close();
        other.close();
    }

    private List<HistoryEntry> entries(Services s) {
        List<HistoryEntry> rows = new ArrayList<>();
        s.history().store().forEach(HistoryQuery.NEWEST_FIRST, s.clock().instant(), rows::add);
        return rows;
    }

    /** What must survive a round trip: everything but the local id (and the link itself, unless included). */
    private static List<String> comparable(List<HistoryEntry> rows) {
        return rows.stream().map(e -> String.join("|", e.share().createdAt().toString(), e.share().key(),
                e.share().bucket(), String.valueOf(e.share().profileName()), e.share().accessKeyId(),
                e.share().region(), String.valueOf(e.share().endpoint()), e.share().options().toString(),
                e.share().expiresAt().toString(), e.share().expiryLimitedBy().name(), String.valueOf(e.note()),
                String.valueOf(e.recipient()), e.tags().toString(), String.valueOf(e.recordedEtag()),
                e.urlRedacted())).toList();
    }

    @Test
    void csvAndJsonRoundTripEveryField() {
        for (ExportFormat format : ExportFormat.values()) {
            Path file = dir.resolve("export." + format.name().toLowerCase());
            long n = services.historyExchange().export(HistoryQuery.NEWEST_FIRST, null, format, file, false,
                    services.clock().instant());
            assertThat(n).isEqualTo(KEYS.size());
            try (Services fresh = Services.open(dir.resolve("fresh-" + format))) {
                ImportResult result = fresh.historyExchange().importFile(file);
                assertThat(result).isEqualTo(new ImportResult(KEYS.size(), 0));
                assertThat(comparable(entries(fresh))).isEqualTo(comparable(entries(services)));
                assertThat(fresh.history().store().page(HistoryQuery.NEWEST_FIRST.withSearch("海 🏖"),
                        fresh.clock().instant(), 0, 10, -1)).hasSize(1);
                // Importing again merges: everything is already there.
                assertThat(fresh.historyExchange().importFile(file)).isEqualTo(new ImportResult(0, KEYS.size()));
            }
        }
    }

    @Test
    void exportsHoldNoSecretsOrLinksUnlessAskedAndThenTheLinksWork() throws Exception {
        Path plain = dir.resolve("plain.json");
        services.historyExchange().export(HistoryQuery.NEWEST_FIRST, null, ExportFormat.JSON, plain, false,
                services.clock().instant());
        String text = Files.readString(plain, UTF_8);
        assertThat(text).doesNotContain("X-Amz-Signature=secret").contains("\"url\" : null");
        Path withUrls = dir.resolve("with-urls.csv");
        services.historyExchange().export(HistoryQuery.NEWEST_FIRST, null, ExportFormat.CSV, withUrls, true,
                services.clock().instant());
        assertThat(Files.readString(withUrls, UTF_8)).contains("X-Amz-Signature=secret3");
        other.historyExchange().importFile(withUrls);
        long id = entries(other).get(0).id();
        assertThat(other.shares().url(id)).hasValueSatisfying(url -> assertThat(url).contains("X-Amz-Signature=secret"));
    }

    @Test
    void exportsOnlyTheSelectedShares() throws Exception {
        List<HistoryEntry> rows = entries(services);
        Path file = dir.resolve("two.csv");
        assertThat(services.historyExchange().export(HistoryQuery.NEWEST_FIRST, new long[] {rows.get(0).id(),
                rows.get(3).id()}, ExportFormat.CSV, file, false, services.clock().instant())).isEqualTo(2);
        assertThat(other.historyExchange().importFile(file).imported()).isEqualTo(2);
    }

    @Test
    void malformedFilesAreRejectedWithLineAndFieldAndNothingIsImported() throws Exception {
        Path good = dir.resolve("good.csv");
        services.historyExchange().export(HistoryQuery.NEWEST_FIRST, null, ExportFormat.CSV, good, false,
                services.clock().instant());
        List<String> lines = new ArrayList<>(List.of(Files.readString(good, UTF_8).split("\r\n", -1)));
        // Each record's note holds a line break, so the second record starts on line 4 of the file.
        String header = lines.get(0);
        String record = lines.get(1);
        String broken = record.replaceFirst("2026-03-01T1", "yesterday-");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, header + "\r\n" + record + "\r\n" + broken + "\r\n", UTF_8);
        assertThatThrownBy(() -> other.historyExchange().importFile(bad))
                .isInstanceOf(HistoryFileException.class)
                .hasMessageStartingWith("Line 4, field createdAt: is not a time")
                .hasMessageContaining("Nothing was imported");
        assertThat(entries(other)).isEmpty();

        Path shortRow = dir.resolve("short.csv");
        Files.writeString(shortRow, header + "\r\n" + record + "\r\n1,2,3\r\n", UTF_8);
        assertThatThrownBy(() -> other.historyExchange().importFile(shortRow))
                .hasMessageStartingWith("Line 4: 3 fields, but the header has");

        Path noHeader = dir.resolve("noheader.csv");
        Files.writeString(noHeader, "a,b,c\r\n", UTF_8);
        assertThatThrownBy(() -> other.historyExchange().importFile(noHeader))
                .hasMessageContaining("Line 1: the header has no 'createdAt' column");

        Path json = dir.resolve("bad.json");
        Files.writeString(json, "[\n {\"createdAt\":\"2026-01-01T00:00:00Z\",\"accessKeyId\":\"A\",\"region\":\"eu-west-1\","
                + "\"bucket\":\"my-bucket\",\"key\":\"k\",\"method\":\"GET\",\"expiresAt\":\"2026-01-02T00:00:00Z\"},\n"
                + " {\"createdAt\":\"2026-01-01T00:00:00Z\",\"accessKeyId\":\"A\",\"region\":\"eu-west-1\",\n"
                + "  \"bucket\":\"my-bucket\",\"key\":\"k2\",\"method\":\"FETCH\",\"expiresAt\":\"2026-01-02T00:00:00Z\"}\n]",
                UTF_8);
        assertThatThrownBy(() -> other.historyExchange().importFile(json))
                .hasMessageStartingWith("Record 2 (line 3), field method: must be GET, PUT, HEAD or DELETE");

        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "[\n {\"createdAt\": }\n]", UTF_8);
        assertThatThrownBy(() -> other.historyExchange().importFile(notJson))
                .hasMessageStartingWith("Line 2, column").hasMessageContaining("not valid JSON");
        assertThat(entries(other)).isEmpty();
    }

    @Test
    void csvReaderHandlesQuotesLineBreaksAndEmptyFields() throws Exception {
        List<Csv.Row> rows = Csv.read(new java.io.StringReader("a,\"b,1\",,\"\"\r\n\"multi\nline\",\"say \"\"hi\"\"\",x,y\n"
                + "last,row,no,newline"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).fields()).containsExactly("a", "b,1", null, "");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(1).fields()).containsExactly("multi\nline", "say \"hi\"", "x", "y");
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThatThrownBy(() -> Csv.read(new java.io.StringReader("a,\"open")))
                .hasMessageContaining("never closed");
    }
}
