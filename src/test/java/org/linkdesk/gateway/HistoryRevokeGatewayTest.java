package org.linkdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.history.ProtectedRowViewModel;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryStore;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.Vault;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.common.ScriptedDialogs;
import org.linkdesk.ui.tasks.DirectTaskRunner;

/** A protected link made through the History's recorder, downloaded, then revoked from the History row: 410. */
class HistoryRevokeGatewayTest {
    @TempDir
    static Path dir;
    static GatewayFixture gateway;
    static String bucket;

    @BeforeAll
    static void start() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        bucket = s3.newBucket();
        gateway = new GatewayFixture(dir, s3, RateLimits.DEFAULT);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void revokingFromTheHistoryStopsTheGatewayDownload() {
        byte[] content = "history revoke".getBytes(StandardCharsets.UTF_8);
        gateway.s3.putObject(bucket, "docs/plan.txt", content, "text/plain");
        ProtectedHistory history = new ProtectedHistory(gateway.shares,
                new ShareStore(gateway.database, new Vault(gateway.database)), gateway.database);
        ProtectedHistory.Recorded made = history.create(new NewProtectedShare("tester", bucket, "docs/plan.txt", null,
                (long) content.length, Duration.ofHours(2), 5, null, "for the board"), null, null);

        HistoryStore store = new HistoryStore(gateway.database);
        List<HistoryEntry> rows = store.page(HistoryQuery.NEWEST_FIRST.withTag(ProtectedHistory.TAG),
                history.now(), 0, 10, -1);
        assertThat(rows).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(made.historyId());
            assertThat(e.share().key()).isEqualTo("docs/plan.txt");
        });
        assertThat(store.count(HistoryQuery.NEWEST_FIRST.withSearch("plan.txt"), history.now())).isEqualTo(1);

        assertThat(gateway.download(made.share().id(), null).statusCode()).isEqualTo(303);

        ScriptedDialogs dialogs = new ScriptedDialogs().answer(true);
        ProtectedRowViewModel row = new ProtectedRowViewModel(history, new DirectTaskRunner(), dialogs,
                ZoneId.of("UTC"));
        row.select(rows.get(0));
        assertThat(row.shownProperty().get()).isTrue();
        assertThat(row.summaryProperty().get()).contains("1 / 5 downloads", "active")
                .doesNotContain("last download never");
        row.loadLog(() -> { });
        assertThat(row.log()).singleElement().satisfies(d -> {
            assertThat(d.userAgent()).isEqualTo("GatewayTest/1.0");
            assertThat(d.ipHash()).doesNotContain("127.0.0.1");
        });

        row.revoke();
        assertThat(dialogs.last("confirm").text()).contains("docs/plan.txt");
        assertThat(row.summaryProperty().get()).contains("revoked");
        assertThat(row.revocableProperty().get()).isFalse();
        assertThat(gateway.download(made.share().id(), null).statusCode()).isEqualTo(410);
        assertThat(gateway.get("/s/" + made.share().id() + "/download").statusCode()).isEqualTo(410);
    }
}
