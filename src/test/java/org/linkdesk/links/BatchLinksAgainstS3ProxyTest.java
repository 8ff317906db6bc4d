package org.linkdesk.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.StoreException;
import org.linkdesk.testing.S3ProxyServer;

/** Batches of links: every link works on a real server, and the history gets all of a batch or none of it. */
class BatchLinksAgainstS3ProxyTest {
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private static final int N = 1_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;
    private static Services services;
    private static SigningIdentity identity;
    private static String bucket;
    private static List<BatchItem> items;

    @BeforeAll
    static void setUp() {
        services = Services.open(dataDir);
        services.vault().create("correct horse battery".toCharArray());
        Profile profile = services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, S3.endpoint(), true));
        identity = SigningIdentity.of(profile, services.profiles().credentials(profile));
        bucket = S3.newBucket();
        ExpiryRules rules = ExpiryRules.defaults();
        items = new ArrayList<>();
        String[] names = {"report %d.pdf", "photos/img-%d.JPG", "data/part-%d.csv", "misc/ünïcödé %d 写真.png"};
        for (int i = 0; i < N; i++) {
            String key = "batch/" + String.format(names[i % names.length], i);
            S3.putObject(bucket, key, ("body " + i).getBytes(StandardCharsets.UTF_8), "application/octet-stream");
            LinkOptions options = new LinkOptions(null, rules.expiryFor(key), DownloadNames.fileName(key), false,
                    null, null, null);
            items.add(new BatchItem(bucket, key, options));
        }
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    private long before;

    @BeforeEach
    void countBefore() {
        before = services.shares().count();
    }

    @Test
    void aThousandLinksAreRecordedAndEveryOneIsAcceptedByTheServer() throws Exception {
        List<long[]> progress = new ArrayList<>();
        List<GeneratedLink> links = services.links().generateAll(identity, items, "batch test", new BatchMonitor() {
            @Override
            public void progress(long done, long total) {
                progress.add(new long[] {done, total});
            }
        });

        assertThat(links).hasSize(N);
        assertThat(services.shares().count()).isEqualTo(before + N);
        assertThat(progress.get(progress.size() - 1)).containsExactly(2L * N, 2L * N);
        Instant now = Instant.now();
        for (int i = 0; i < N; i++) {
            GeneratedLink link = links.get(i);
            ShareRecord share = link.share();
            assertThat(share.key()).isEqualTo(items.get(i).key());
            Duration lifetime = Duration.between(now, share.expiresAt());
            Duration expected = ExpiryRules.defaults().expiryFor(share.key());
            assertThat(lifetime).isBetween(expected.minusMinutes(2), expected);
            assertThat(services.shares().url(share.id())).contains(link.url().url());
        }
        assertThat(links.get(0).url().url()).contains("X-Amz-Expires=172800");   // .pdf → 48 h
        assertThat(links.get(1).url().url()).contains("X-Amz-Expires=604800");   // .JPG → 7 days
        assertThat(links.get(2).url().url()).contains("X-Amz-Expires=86400");    // .csv → 24 h

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (GeneratedLink link : links) {
            calls.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(link.url().url())).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
            if (calls.size() % 50 == 0) {
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            }
        }
        for (int i = 0; i < N; i++) {
            HttpResponse<String> response = calls.get(i).join();
            assertThat(response.statusCode()).as(items.get(i).key()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("body " + i);
            assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment; filename=");
        }
    }

    @Test
    void cancellingWhileSigningRecordsNothing() {
        BatchMonitor cancelHalfWay = new CancelAfter(N / 2);
        assertThatThrownBy(() -> services.links().generateAll(identity, items, null, cancelHalfWay))
                .isInstanceOf(CancellationException.class);
        assertThat(services.shares().count()).isEqualTo(before);
    }

    @Test
    void cancellingWhileWritingRollsBackEveryRowAlreadyWritten() {
        BatchMonitor cancelMidWrite = new CancelAfter(N + N / 2);
        assertThatThrownBy(() -> services.links().generateAll(identity, items, null, cancelMidWrite))
                .isInstanceOf(CancellationException.class);
        assertThat(services.shares().count()).isEqualTo(before);
    }

    @Test
    void anInvalidItemHalfWayRecordsNothing() {
        List<BatchItem> broken = new ArrayList<>(items);
        broken.set(N / 2, new BatchItem(bucket, "", LinkOptions.get(Duration.ofHours(1))));
        assertThatThrownBy(() -> services.links().generateAll(identity, broken, null, BatchMonitor.NONE))
                .isInstanceOf(InvalidInputException.class);
        assertThat(services.shares().count()).isEqualTo(before);
    }

    @Test
    void aDatabaseFailureHalfWayRollsBackTheRowsBeforeIt() {
        Instant now = Instant.now();
        List<NewShare> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // Row 100's bucket is longer than the column allows, so its INSERT fails after 100 rows were written.
            String b = i == 100 ? "b".repeat(300) : bucket;
            rows.add(new NewShare(now, null, null, "AKIA", null, "us-east-1", b, "k" + i,
                    LinkOptions.get(Duration.ofHours(1)), now.plusSeconds(3600),
                    org.linkdesk.core.sign.EffectiveExpiry.Limit.REQUESTED, "https://h/" + b + "/k" + i, null));
        }
        assertThatThrownBy(() -> services.shares().insertAll(rows)).isInstanceOf(StoreException.class);
        assertThat(services.shares().count()).isEqualTo(before);
    }

    /** Cancels once progress reaches {@code step}. */
    private static final class CancelAfter implements BatchMonitor {
        private final long step;
        private volatile boolean cancelled;

        CancelAfter(long step) {
            this.step = step;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void progress(long done, long total) {
            if (done >= step) {
                cancelled = true;
            }
        }
    }
}
