package org.linkdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.wiring.Services;

/** History's "Test link": the recorded (sealed) link is read and tested; the diagnosis lands in the status line. */
class HistoryLinkTestTest {
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    @TempDir
    static Path dataDir;
    private static Services services;
    private static SigningIdentity identity;
    private static String bucket;

    @BeforeAll
    static void setUp() {
        services = Services.open(dataDir);
        services.vault().create("history test password".toCharArray());
        Profile p = services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, S3.endpoint(), true));
        identity = SigningIdentity.of(p, services.profiles().credentials(p));
        bucket = S3.newBucket();
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    private HistoryViewModel model() {
        return new HistoryViewModel(services.history(), services.historyExchange(), services.shares(),
                new DirectTaskRunner(), text -> { }, new org.linkdesk.ui.common.ScriptedDialogs());
    }

    private HistoryEntry recorded(String key) {
        GeneratedLink link = services.links().generate(identity, bucket, key, LinkOptions.get(Duration.ofHours(1)),
                null);
        return services.history().store().entry(link.share().id()).orElseThrow();
    }

    @Test
    void aWorkingLinkIsReportedWithItsSize() {
        S3.putObject(bucket, "reports/q1 summary.txt", "twelve bytes".getBytes(StandardCharsets.UTF_8), "text/plain");
        HistoryViewModel m = model();
        m.testLink(recorded("reports/q1 summary.txt"));
        assertThat(m.messageIsErrorProperty().get()).isFalse();
        assertThat(m.messageProperty().get()).startsWith("Works");
    }

    @Test
    void aDeletedObjectIsExplainedAsAnError() {
        S3.putObject(bucket, "gone.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain");
        HistoryEntry entry = recorded("gone.txt");
        S3.deleteObject(bucket, "gone.txt");
        HistoryViewModel m = model();
        m.testLink(entry);
        assertThat(m.messageIsErrorProperty().get()).isTrue();
        assertThat(m.messageProperty().get()).contains("no object at this key");
    }
}
