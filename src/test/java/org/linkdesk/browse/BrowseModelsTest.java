package org.linkdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.ui.tasks.ManualTaskRunner;
import org.linkdesk.ui.tasks.TaskRunner;

/** The Browse tab's view models against S3Proxy, run on the calling thread (no toolkit). */
class BrowseModelsTest {
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private static final S3Http HTTP = new S3Http(Duration.ofSeconds(5), Duration.ofSeconds(20));
    @TempDir
    static Path dataDir;
    private static Services services;
    private static Profile profile;
    private static BrowseTarget target;
    private static String bucket;

    @BeforeAll
    static void setUp() {
        services = Services.open(dataDir);
        services.vault().create("correct horse battery".toCharArray());
        profile = services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, S3.endpoint(), true));
        target = BrowseTarget.of(SigningIdentity.of(profile, services.profiles().credentials(profile)));
        bucket = S3.newBucket();
        for (int i = 0; i < 2_300; i++) {
            put(String.format("many/file-%05d.dat", i));
        }
        S3.putObject(bucket, "many/", new byte[0], "application/x-directory");   // a folder marker, not a file
        put("many/sub/inner.txt");
        put("many/needle-here.txt");
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    private static void put(String key) {
        S3.putObject(bucket, key, "abc".getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private static ObjectListModel lister(TaskRunner tasks) {
        return new ObjectListModel(() -> HTTP, tasks, () -> target);
    }

    @Test
    void aFolderOpensWithOnePageAndLoadsMoreOnRequest() {
        ObjectListModel model = lister(new DirectTaskRunner());
        model.open(bucket, "many/");

        // The first page holds 1 000 keys; the folder marker "many/" among them is not shown.
        assertThat(model.entries()).hasSize(999);
        assertThat(model.entries()).noneMatch(e -> e.name().isEmpty() || e.key().equals("many/"));
        assertThat(model.completeProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("0 folders, 999 objects").contains("more on the server");

        model.loadMore();
        assertThat(model.entries()).hasSize(1_999);
        model.loadAll();
        assertThat(model.entries()).hasSize(2_302).contains(BrowserEntry.folder("many/sub/", "many/"));
        assertThat(model.completeProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("1 folder, 2,301 objects");
    }

    @Test
    void aFilterKeepsFetchingUntilItHasMatches() {
        ObjectListModel model = lister(new DirectTaskRunner());
        model.open(bucket, "many/");
        model.filterProperty().set("NEEDLE");

        assertThat(model.rows()).extracting(BrowserEntry::name).containsExactly("needle-here.txt");
        assertThat(model.completeProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("1 match");
    }

    @Test
    void cancelKeepsWhatIsLoadedAndDropsThePageInFlight() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        ObjectListModel model = lister(tasks);
        model.open(bucket, "many/");
        tasks.runPending();
        assertThat(model.entries()).hasSize(999);

        model.loadMore();
        assertThat(model.loadingProperty().get()).isTrue();
        model.cancel();
        tasks.runPending();

        assertThat(model.entries()).hasSize(999);
        assertThat(model.loadingProperty().get()).isFalse();
        model.loadMore();
        tasks.runPending();
        assertThat(model.entries()).hasSize(1_999);
    }

    @Test
    void bookmarksSurviveWhenListingBucketsIsDenied() {
        services.bookmarks().add(profile.id(), "only-bookmarked");
        BrowseTarget denied = new BrowseTarget(target.endpoint(),
                AwsCredentials.of(S3ProxyServer.ACCESS_KEY_ID, "not-the-secret"), target.identity());
        BucketListModel buckets = new BucketListModel(() -> HTTP, services.bookmarks(), new DirectTaskRunner(), () -> denied);

        buckets.load(profile.id());

        assertThat(buckets.buckets()).containsExactly(new BucketEntry("only-bookmarked", false, true));
        assertThat(buckets.messageProperty().get()).contains("may not list buckets");
        buckets.toggleBookmark("only-bookmarked");
        assertThat(buckets.buckets()).isEmpty();
        assertThat(services.bookmarks().buckets(profile.id())).isEmpty();
    }

    @Test
    void listedBucketsAndBookmarksMerge() {
        services.bookmarks().add(profile.id(), bucket);
        BucketListModel buckets = new BucketListModel(() -> HTTP, services.bookmarks(), new DirectTaskRunner(), () -> target);
        buckets.load(profile.id());
        assertThat(buckets.buckets()).contains(new BucketEntry(bucket, true, true));
        services.bookmarks().remove(profile.id(), bucket);
    }

    @Test
    void collectingEverythingBelowAFolderCountsFirstAndRespectsTheLimit() {
        BrowseViewModel model = new BrowseViewModel(() -> HTTP, services.profiles(), services.bookmarks(), services.links(),
                new DirectTaskRunner(), text -> { }, services.clock(), java.time.ZoneId.of("UTC"),
                new javafx.beans.property.SimpleObjectProperty<>(profile));
        model.openBucket(bucket);
        model.openFolder("many/");
        List<List<ListedObject>> got = new java.util.ArrayList<>();
        Consumer<List<ListedObject>> onReady = got::add;

        model.batchLimitProperty().set(1_000);
        model.collectAllUnderFolder(onReady);
        assertThat(got).isEmpty();
        assertThat(model.collectMessageProperty().get()).contains("More than 1,000 objects");

        model.batchLimitProperty().set(5_000);
        model.collectAllUnderFolder(onReady);
        assertThat(got).hasSize(1);
        assertThat(got.get(0)).hasSize(2_302).extracting(ListedObject::key).contains("many/sub/inner.txt")
                .doesNotContain("many/");
    }

}
