package org.linkdesk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.testing.S3ProxyExtension;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.DirectTaskRunner;

/** The queue's view model without a stage: DirectTaskRunner, a real UploadService, the test S3 server. */
@ExtendWith(S3ProxyExtension.class)
class UploadQueueViewModelTest {
    @TempDir
    static Path dir;
    static Services services;
    static SigningIdentity who;
    static String bucket;

    @BeforeAll
    static void open(S3ProxyServer s3) {
        services = Services.open(dir.resolve("data"), Clock.systemUTC(), S3Http.createDefault());
        who = new SigningIdentity(null, null, s3.s3Endpoint(), S3ProxyServer.credentials());
        bucket = s3.newBucket();
    }

    @AfterAll
    static void close() {
        services.close();
    }

    @Test
    void dropUploadsCopiesTheLinkAndAsksAboutTakenKeys() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "alpha");
        Path folder = Files.createDirectories(dir.resolve("pics"));
        Files.write(folder.resolve("b.png"), new byte[] {1, 2, 3});
        AtomicReference<String> clipboard = new AtomicReference<>();
        List<List<String>> asked = new ArrayList<>();
        UploadQueueViewModel model = new UploadQueueViewModel(services.uploads(), new DirectTaskRunner(),
                clipboard::set, () -> who, taken -> {
                    asked.add(taken);
                    return ExistingKeyPolicy.KEEP_BOTH;
                });
        model.add(List.of(a, folder), bucket, "drop/");
        assertThat(model.items()).extracting(i -> i.stateProperty().get())
                .containsOnly(UploadItem.State.DONE);
        assertThat(model.items()).extracting(i -> i.keyProperty().get()).containsExactly("drop/a.txt",
                "drop/pics/b.png");
        assertThat(clipboard.get()).isEqualTo(model.items().get(1).linkProperty().get()).contains("drop/pics/b.png");
        assertThat(model.messageProperty().get()).isEqualTo("Link to b.png copied.");
        assertThat(asked).isEmpty();

        model.copyLinksProperty().set(false);
        clipboard.set(null);
        model.add(List.of(a), bucket, "drop/");
        assertThat(asked).containsExactly(List.of("drop/a.txt"));
        UploadItem again = model.items().get(2);
        assertThat(again.keyProperty().get()).isEqualTo("drop/a (1).txt");
        assertThat(again.stateProperty().get()).isEqualTo(UploadItem.State.DONE);
        assertThat(clipboard.get()).isNull();
    }

    @Test
    void skipLeavesTakenKeysAlone() throws IOException {
        Path a = Files.writeString(dir.resolve("skip.txt"), "one");
        UploadQueueViewModel model = new UploadQueueViewModel(services.uploads(), new DirectTaskRunner(),
                text -> { }, () -> who, taken -> ExistingKeyPolicy.SKIP);
        model.add(List.of(a), bucket, "skip/");
        model.add(List.of(a), bucket, "skip/");
        assertThat(model.items()).extracting(i -> i.stateProperty().get())
                .containsExactly(UploadItem.State.DONE, UploadItem.State.SKIPPED);
    }

    @Test
    void cancelledUploadLeavesNoMultipartUpload() throws IOException {
        Path big = Files.write(dir.resolve("big.bin"), new byte[(int) (11 * PartPlan.MIN_PART / 5)]);
        UploadQueueViewModel[] holder = new UploadQueueViewModel[1];
        holder[0] = new UploadQueueViewModel(services.uploads(), new DirectTaskRunner(), text -> { }, () -> who,
                taken -> ExistingKeyPolicy.OVERWRITE);
        holder[0].setPartSize(PartPlan.MIN_PART, 1);
        holder[0].items().addListener((javafx.collections.ListChangeListener<UploadItem>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(item -> item.fractionProperty().addListener((o, was, now) -> {
                    if (now.doubleValue() > 0 && now.doubleValue() < 1) {
                        holder[0].cancel(item);
                    }
                }));
            }
        });
        holder[0].add(List.of(big), bucket, "cancel/");
        assertThat(holder[0].items().get(0).stateProperty().get()).isEqualTo(UploadItem.State.CANCELLED);
        assertThat(services.uploads().unfinished(who, bucket, "cancel/")).isEmpty();
    }
}
