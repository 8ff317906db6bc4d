package org.linkdesk.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.testing.S3ProxyServer;

/** ListObjectsV2 against a real server: paging, delimiter navigation, awkward keys, errors. */
class ListObjectsAgainstS3ProxyTest {
    private static final byte[] BODY = "x".getBytes(StandardCharsets.UTF_8);
    /** Keys XML or URLs find awkward; a few need encoding-type=url to survive at all (control characters). */
    static final List<String> AWKWARD = List.of(
            "awk/space in name.txt", "awk/plus+and=equals&amp.txt", "awk/percent%20not-decoded.txt",
            "awk/question?hash#star*.txt", "awk/quote\"apos'lt<gt>.txt", "awk/résumé café.pdf",
            "awk/写真/東京.jpg", "awk/Привет мир.doc", "awk/emoji 😀🎉.png", "awk/back\\slash.txt",
            "awk/tab\there.txt", "awk/trailing space ", "awk/ leading space", "awk/double//slash.txt",
            "awk/control\u0001char.bin", "awk/line\nbreak.txt", "awk/～ wave.txt", "awk/semi;colon,comma.txt");

    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private static final S3Http CLIENT = new S3Http(Duration.ofSeconds(5), Duration.ofSeconds(20));
    private static S3Endpoint endpoint;
    private static AwsCredentials credentials;
    private static String bucket;
    private static final TreeSet<String> ALL = new TreeSet<>();

    /** 3 000 objects: top/ with 20 folders × 100 files, deep/a/b/c with 900 files, 50 at the root, plus AWKWARD. */
    @BeforeAll
    static void seed() {
        endpoint = S3.s3Endpoint();
        credentials = S3ProxyServer.credentials();
        bucket = S3.newBucket();
        for (int f = 0; f < 20; f++) {
            for (int i = 0; i < 100; i++) {
                put(String.format("top/folder-%02d/file-%03d.txt", f, i));
            }
        }
        for (int i = 0; i < 900; i++) {
            put(String.format("deep/a/b/c/item-%04d.bin", i));
        }
        for (int i = 0; i < 50; i++) {
            put(String.format("root-%02d.txt", i));
        }
        AWKWARD.forEach(ListObjectsAgainstS3ProxyTest::put);
    }

    private static void put(String key) {
        S3.putObject(bucket, key, BODY, "application/octet-stream");
        ALL.add(key);
    }

    @Test
    void theBucketRootShowsFoldersAndFiles() {
        ObjectListing page = CLIENT.listObjects(endpoint, credentials, ListObjectsRequest.folder(bucket, ""));

        assertThat(page.commonPrefixes()).containsExactly("awk/", "deep/", "top/");
        assertThat(page.objects()).hasSize(50);
        assertThat(page.objects().get(0).key()).isEqualTo("root-00.txt");
        assertThat(page.objects().get(0).size()).isEqualTo(1);
        assertThat(page.objects().get(0).lastModified()).isNotNull();
        assertThat(page.objects().get(0).etag()).isEqualTo("9dd4e461268c8034f5c8564e155c67a6");
        assertThat(page.objects().get(0).storageClass()).isEqualTo("STANDARD");
        assertThat(page.isTruncated()).isFalse();
    }

    @Test
    void delimiterNavigationGoesOneLevelAtATime() {
        ObjectListing top = CLIENT.listObjects(endpoint, credentials, ListObjectsRequest.folder(bucket, "top/"));
        assertThat(top.commonPrefixes()).hasSize(20).first().isEqualTo("top/folder-00/");
        assertThat(top.objects()).isEmpty();

        ObjectListing folder = CLIENT.listObjects(endpoint, credentials,
                ListObjectsRequest.folder(bucket, "top/folder-07/"));
        assertThat(folder.commonPrefixes()).isEmpty();
        assertThat(folder.objects()).hasSize(100).allMatch(o -> o.key().startsWith("top/folder-07/file-"));

        ObjectListing deep = CLIENT.listObjects(endpoint, credentials, ListObjectsRequest.folder(bucket, "deep/a/"));
        assertThat(deep.commonPrefixes()).containsExactly("deep/a/b/");
    }

    @Test
    void pagesFollowContinuationTokensWithoutGapsOrRepeats() {
        List<String> keys = new ArrayList<>();
        int[] pages = {0};
        long seen = new ListingWalker(CLIENT, endpoint, credentials).walk(
                new ListObjectsRequest(bucket, "", null, null, 250), () -> false, page -> {
                    pages[0]++;
                    assertThat(page.objects().size()).isLessThanOrEqualTo(250);
                    page.objects().forEach(o -> keys.add(o.key()));
                    return true;
                });

        assertThat(seen).isEqualTo(ALL.size());
        assertThat(keys).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(pages[0]).isEqualTo((ALL.size() + 249) / 250);
    }

    @Test
    void awkwardKeysRoundTripExactly() {
        List<String> keys = new ArrayList<>();
        new ListingWalker(CLIENT, endpoint, credentials).walk(ListObjectsRequest.recursive(bucket, "awk/"),
                () -> false, page -> {
                    page.objects().forEach(o -> keys.add(o.key()));
                    return true;
                });
        assertThat(keys).containsExactlyInAnyOrderElementsOf(AWKWARD);
        // Each listed key names the object exactly: HEAD finds it.
        for (String key : keys) {
            assertThat(CLIENT.headObject(endpoint, credentials, bucket, key).size()).as(key).isEqualTo(1);
        }
    }

    @Test
    void awkwardPrefixesNavigate() {
        ObjectListing awk = CLIENT.listObjects(endpoint, credentials, ListObjectsRequest.folder(bucket, "awk/"));
        assertThat(awk.commonPrefixes()).containsExactly("awk/double/", "awk/写真/");
        ObjectListing photos = CLIENT.listObjects(endpoint, credentials, ListObjectsRequest.folder(bucket, "awk/写真/"));
        assertThat(photos.objects()).extracting(ListedObject::key).containsExactly("awk/写真/東京.jpg");
    }

    @Test
    void countStopsPastTheLimitAndCancelStops() {
        ListingWalker walker = new ListingWalker(CLIENT, endpoint, credentials);
        assertThat(walker.count(bucket, "top/", 10_000, () -> false)).isEqualTo(2_000);
        assertThat(walker.count(bucket, "", 1_500, () -> false)).isBetween(1_501L, 2_000L);
        assertThatThrownBy(() -> walker.count(bucket, "", 10_000, () -> true))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void errorsAreMappedLikeOtherCalls() {
        assertThatThrownBy(() -> CLIENT.listObjects(endpoint, credentials, ListObjectsRequest.folder("no-such-bucket-x1", "")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> CLIENT.listObjects(endpoint, AwsCredentials.of(S3ProxyServer.ACCESS_KEY_ID, "wrong"),
                ListObjectsRequest.folder(bucket, "")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("secret key");
    }
}
