package org.linkdesk.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.s3.MultipartUpload;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.testing.S3ProxyExtension;
import org.linkdesk.testing.S3ProxyServer;

@ExtendWith(S3ProxyExtension.class)
class UploadAgainstS3ProxyTest {
    static final long MIB = 1024 * 1024;
    @TempDir
    static Path dir;
    static Services services;
    static SdkReader sdk;
    static SigningIdentity who;
    static String bucket;

    @BeforeAll
    static void open(S3ProxyServer s3) {
        services = Services.open(dir.resolve("data"), Clock.systemUTC(), S3Http.createDefault());
        sdk = new SdkReader(s3);
        who = new SigningIdentity(null, null, s3.s3Endpoint(), S3ProxyServer.credentials());
        bucket = s3.newBucket();
    }

    @AfterAll
    static void close() {
        sdk.close();
        services.close();
    }

    static Path file(String name, long size) throws IOException {
        byte[] bytes = new byte[(int) size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    static UploadJob job(Path file, String key, int concurrency, boolean resume) {
        return new UploadJob(file, bucket, key, ContentTypes.of(file), PartPlan.MIN_PART, concurrency, resume, null);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 5 * MIB - 1, 5 * MIB, 5 * MIB + 1, 12 * MIB + 3})
    void uploadsReadBackExactly(long size) throws IOException {
        Path file = file("f" + size + ".bin", size);
        String key = "sizes/" + size + ".bin";
        UploadService.Uploaded up = services.uploads().upload(who, job(file, key, 3, false), Duration.ofHours(1),
                UploadListener.NONE, new UploadControl());
        assertThat(sdk.read(bucket, key)).isEqualTo(Files.readAllBytes(file));
        assertThat(up.size()).isEqualTo(size);
        assertThat(up.link().url().url()).contains(key.replace("/", "/"));
        assertThat(new org.linkdesk.store.HistoryStore(services.database()).entry(up.link().share().id()).orElseThrow()
                .details().tags()).contains(UploadService.TAG);
    }

    @Test
    void contentTypeComesFromTheFileName() throws IOException {
        Path file = file("photo.png", 10);
        services.uploads().upload(who, job(file, "types/photo.png", 1, false), null, UploadListener.NONE,
                new UploadControl());
        assertThat(sdk.contentType(bucket, "types/photo.png")).isEqualTo("image/png");
    }

    @Test
    void cancelAbortsTheMultipartUpload() throws IOException {
        Path file = file("cancel.bin", 15 * MIB);
        UploadControl control = new UploadControl();
        AtomicBoolean cancelled = new AtomicBoolean();
        UploadListener cancelOnFirstBytes = p -> {
            if (p.bytesDone() > 0 && cancelled.compareAndSet(false, true)) {
                control.cancel();
            }
        };
        assertThatThrownBy(() -> services.uploads().upload(who, job(file, "cancel/c.bin", 1, false), null,
                cancelOnFirstBytes, control)).isInstanceOf(UploadStoppedException.class);
        assertThat(sdk.unfinished(bucket)).noneMatch(u -> u.key().equals("cancel/c.bin"));
        assertThat(services.uploads().unfinished(who, bucket, "cancel/")).isEmpty();
    }

    @Test
    void pausedUploadResumesWithTheFinishedParts() throws IOException {
        Path file = file("pause.bin", 15 * MIB + 7);
        UploadControl control = new UploadControl();
        // Part 2 starts sending only after part 1 is answered and recorded (one part in flight), so the first
        // byte past 5 MiB proves part 1 is done; pausing stops part 2 in flight.
        UploadListener pauseAfterPartOne = p -> {
            if (p.bytesDone() > 5 * MIB) {
                control.pause();
            }
        };
        assertThatThrownBy(() -> services.uploads().upload(who, job(file, "pause/p.bin", 1, false), null,
                pauseAfterPartOne, control)).isInstanceOf(UploadStoppedException.class);
        List<MultipartUpload> open = services.uploads().unfinished(who, bucket, "pause/");
        assertThat(open).hasSize(1);
        UploadEngine.Result result = new UploadEngine(new org.linkdesk.core.s3.S3Uploads(services.s3()), services.s3(),
                new ResumeStore(services.database(), Clock.systemUTC()))
                .upload(who, job(file, "pause/p.bin", 2, true), UploadListener.NONE, new UploadControl());
        assertThat(result.partCount()).isEqualTo(4);
        assertThat(result.partsResumed()).isBetween(1, 3);
        assertThat(sdk.read(bucket, "pause/p.bin")).isEqualTo(Files.readAllBytes(file));
        assertThat(services.uploads().unfinished(who, bucket, "pause/")).isEmpty();
    }

    @Test
    void resumesAnUploadAnotherToolStarted() throws IOException {
        Path file = file("other.bin", 11 * MIB);
        String uploadId = sdk.startMultipart(bucket, "other/o.bin");
        byte[] bytes = Files.readAllBytes(file);
        sdk.client().uploadPart(b -> b.bucket(bucket).key("other/o.bin").uploadId(uploadId).partNumber(1),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(java.util.Arrays.copyOf(bytes, (int) (6 * MIB))));
        MultipartUpload listed = services.uploads().unfinished(who, bucket, "other/").get(0);
        assertThat(listed.uploadId()).isEqualTo(uploadId);
        services.uploads().upload(who, new UploadJob(file, bucket, "other/o.bin", null, PartPlan.MIN_PART, 2, true,
                uploadId), null, UploadListener.NONE, new UploadControl());
        assertThat(sdk.read(bucket, "other/o.bin")).isEqualTo(bytes);
    }

    @Test
    void existingKeyPolicies() throws IOException {
        Path file = file("report.pdf", 3);
        services.uploads().upload(who, job(file, "keys/report.pdf", 1, false), null, UploadListener.NONE,
                new UploadControl());
        assertThat(services.uploads().settleKey(who, bucket, "keys/report.pdf", ExistingKeyPolicy.SKIP)).isEmpty();
        assertThat(services.uploads().settleKey(who, bucket, "keys/report.pdf", ExistingKeyPolicy.OVERWRITE))
                .contains("keys/report.pdf");
        assertThat(services.uploads().settleKey(who, bucket, "keys/report.pdf", ExistingKeyPolicy.KEEP_BOTH))
                .isEqualTo(Optional.of("keys/report (1).pdf"));
        assertThat(services.uploads().settleKey(who, bucket, "keys/new.pdf", ExistingKeyPolicy.SKIP))
                .contains("keys/new.pdf");
    }

    @Test
    void abortListsNothingAfterwards() {
        String uploadId = sdk.startMultipart(bucket, "abort/a.bin");
        MultipartUpload listed = services.uploads().unfinished(who, bucket, "abort/").get(0);
        assertThat(listed.uploadId()).isEqualTo(uploadId);
        services.uploads().abort(who, listed);
        assertThat(sdk.unfinished(bucket)).noneMatch(u -> u.key().equals("abort/a.bin"));
    }
}
