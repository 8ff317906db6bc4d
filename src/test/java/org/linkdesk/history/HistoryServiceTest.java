package org.linkdesk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.ObjectState;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.store.ShareStatus;
import org.linkdesk.testing.S3ProxyServer;

/** Status transitions against a real S3 server (S3Proxy on 127.0.0.1), renewal, retention. */
class HistoryServiceTest {
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    @TempDir
    static Path dir;
    static Services services;
    static Profile profile;
    static String bucket;

    @BeforeAll
    static void open() {
        services = Services.open(dir);
        services.vault().create("history service test".toCharArray());
        profile = services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, S3.endpoint(), true));
        bucket = S3.newBucket();
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private GeneratedLink link(String key, String note, ShareExtras extras) {
        return services.links().generate(SigningIdentity.of(profile, services.profiles().credentials(profile)),
                bucket, key, LinkOptions.get(Duration.ofDays(2)), note, extras);
    }

    private static void put(String key, String body) {
        S3.putObject(bucket, key, body.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    @Test
    void deletedObjectsBecomeGoneAndOverwrittenOnesChanged() {
        put("stays.txt", "same");
        put("goes.txt", "bye");
        put("changes/résumé 📄.txt", "v1");
        long stays = link("stays.txt", null, ShareExtras.NONE).share().id();
        long goes = link("goes.txt", null, ShareExtras.NONE).share().id();
        long changes = link("changes/résumé 📄.txt", null, ShareExtras.NONE).share().id();

        HistoryService history = services.history();
        for (long id : new long[] {stays, goes, changes}) {
            HistoryService.CheckOutcome first = history.check(id);
            assertThat(first.problem()).isNull();
            assertThat(first.entry().objectState()).isEqualTo(ObjectState.PRESENT);
            assertThat(first.entry().recordedEtag()).isNotBlank();
        }
        S3.deleteObject(bucket, "goes.txt");
        put("changes/résumé 📄.txt", "v2 — different content");

        assertThat(history.check(stays).entry().status(services.clock().instant())).isEqualTo(ShareStatus.ACTIVE);
        HistoryEntry gone = history.check(goes).entry();
        assertThat(gone.objectState()).isEqualTo(ObjectState.GONE);
        assertThat(gone.status(services.clock().instant())).isEqualTo(ShareStatus.GONE);
        HistoryEntry changed = history.check(changes).entry();
        assertThat(changed.status(services.clock().instant())).isEqualTo(ShareStatus.CHANGED);

        assertThat(history.store().page(HistoryQuery.NEWEST_FIRST.withStatus(ShareStatus.GONE),
                services.clock().instant(), 0, 10, -1)).extracting(HistoryEntry::id).contains(goes);
        assertThat(history.store().summary(services.clock().instant()).changed()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anEtagKnownAtCreationIsTheBaseline() {
        put("known.txt", "original");
        String etag = services.s3().headObject(profile.endpoint(), services.profiles().credentials(profile), bucket,
                "known.txt").etag();
        put("known.txt", "overwritten before the first check");
        long id = link("known.txt", null, ShareExtras.NONE.withRecordedEtag(etag)).share().id();
        assertThat(services.history().check(id).entry().objectState()).isEqualTo(ObjectState.CHANGED);
    }

    @Test
    void recheckRunsInTheBackgroundWithProgressAndCanBeCancelled() throws Exception {
        long[] ids = new long[12];
        for (int i = 0; i < ids.length; i++) {
            put("many/" + i + ".txt", "x" + i);
            ids[i] = link("many/" + i + ".txt", null, ShareExtras.NONE).share().id();
        }
        S3.deleteObject(bucket, "many/3.txt");
        List<Integer> progress = new CopyOnWriteArrayList<>();
        RecheckResult result = services.history().recheck(ids, 3, () -> false,
                (done, total, entry) -> progress.add(done));
        assertThat(result.total()).isEqualTo(12);
        assertThat(result.gone()).isEqualTo(1);
        assertThat(result.present()).isEqualTo(11);
        assertThat(result.cancelled()).isFalse();
        assertThat(progress).hasSize(12).contains(12);

        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        RecheckResult r2 = services.history().recheck(ids, 1, stop::get, (done, total, entry) -> stop.set(done == 2));
        assertThat(r2.checked() + r2.failed()).isEqualTo(2);
        assertThat(r2.cancelled()).isTrue();
    }

    @Test
    void renewMakesAWorkingLinkWithTheSameOptionsLinkedToTheOld() throws Exception {
        put("renew me.txt", "renewed body");
        GeneratedLink old = link("renew me.txt", "for the auditors", new ShareExtras("Zoë", List.of("audit"), null,
                null));
        GeneratedLink renewed = services.history().renew(old.share().id(), Duration.ofHours(3));
        HistoryEntry entry = services.history().store().entry(renewed.share().id()).orElseThrow();
        assertThat(entry.renewedFrom()).isEqualTo(old.share().id());
        assertThat(entry.note()).isEqualTo("for the auditors");
        assertThat(entry.recipient()).isEqualTo("Zoë");
        assertThat(entry.tags()).containsExactly("audit");
        assertThat(entry.share().options().expiresIn()).isEqualTo(Duration.ofHours(3));
        assertThat(Duration.between(entry.share().createdAt(), entry.share().expiresAt())).isEqualTo(Duration.ofHours(3));
        HttpResponse<String> got = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(renewed.url().url())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("renewed body");
    }

    @Test
    void renewNeedsTheSigningProfile() {
        put("orphan.txt", "x");
        Profile other = services.profiles().create(new ProfileDraft("doomed", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, S3.endpoint(), true));
        long id = services.links().generate(SigningIdentity.of(other, services.profiles().credentials(other)), bucket,
                "orphan.txt", LinkOptions.get(Duration.ofHours(1)), null).share().id();
        services.profiles().delete(other.id());
        assertThatThrownBy(() -> services.history().renew(id, Duration.ofHours(1)))
                .hasMessageContaining("\"doomed\"").hasMessageContaining("was deleted");
        assertThat(services.history().check(id).problem()).contains("was deleted");
    }

    @Test
    void retentionIsStoredAndApplied() {
        assertThat(services.history().retention()).isEqualTo(Retention.FOREVER);
        services.history().setRetention(new Retention(Retention.Mode.DAYS, 30));
        assertThat(services.history().retention()).isEqualTo(new Retention(Retention.Mode.DAYS, 30));
        assertThat(services.history().applyRetention()).isZero();
        services.history().setRetention(Retention.FOREVER);
        assertThat(Retention.parse("purge").mode()).isEqualTo(Retention.Mode.PURGE);
        assertThat(Retention.parse("nonsense")).isEqualTo(Retention.FOREVER);
    }

    @Test
    void revokeAdviceNamesTheKeyAndBothWays() {
        put("advice.txt", "x");
        long id = link("advice.txt", null, ShareExtras.NONE).share().id();
        String text = RevokeAdvice.describe(services.history().store().entry(id).orElseThrow(),
                services.clock().instant());
        assertThat(text).contains(S3ProxyServer.ACCESS_KEY_ID, "profile \"local\"", "Delete or replace the object",
                "Deactivate or delete access key", bucket + "/advice.txt");
    }
}
