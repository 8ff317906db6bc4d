package org.linkdesk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.S3Uploads;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.store.UploadCopySetting;
import org.linkdesk.testing.S3ProxyExtension;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.common.ScriptedDialogs;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.wiring.Services;

/** The upload GUI's new view models without a stage: the key question, the copy setting, unfinished uploads. */
@ExtendWith(S3ProxyExtension.class)
class UploadGuiViewModelsTest {
    @TempDir
    static Path dir;
    static Services services;
    static SigningIdentity who;
    static String bucket;
    static String linkBucket;

    @BeforeAll
    static void open(S3ProxyServer s3) {
        services = Services.open(dir.resolve("data"), Clock.systemUTC(), S3Http.createDefault());
        who = new SigningIdentity(null, null, s3.s3Endpoint(), S3ProxyServer.credentials());
        bucket = s3.newBucket();
        linkBucket = s3.newBucket();
    }

    @AfterAll
    static void close() {
        services.close();
    }

    @Test
    void takenKeysAreSettledThroughChooseAndCancellingSkips() {
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(ExistingKeyPolicy.OVERWRITE).answer(null);
        UploadQueueViewModel.ExistingKeyQuestion question = ExistingKeyQuestions.asking(dialogs);
        assertThat(question.ask(List.of("a.txt"))).isEqualTo(ExistingKeyPolicy.OVERWRITE);
        assertThat(dialogs.last("choose").text()).contains("a.txt").contains("Keep both").contains("Overwrite")
                .contains("Skip");
        assertThat(question.ask(List.of("1", "2", "3", "4", "5", "6", "7"))).isEqualTo(ExistingKeyPolicy.SKIP);
        assertThat(dialogs.last("choose").text()).contains("7 keys").contains("and 2 more").doesNotContain("6");
    }

    @Test
    void copyLinkChoiceIsStoredAndReadBack() {
        UploadCopySetting setting = new UploadCopySetting(services.database());
        assertThat(setting.copies()).isTrue();
        UploadQueueViewModel first = queue();
        first.keepCopyLinksIn(setting::copies, setting::setCopies);
        first.copyLinksProperty().set(false);
        assertThat(setting.copies()).isFalse();

        UploadQueueViewModel second = queue();
        second.keepCopyLinksIn(setting::copies, setting::setCopies);
        assertThat(second.copyLinksProperty().get()).isFalse();
        second.copyLinksProperty().set(true);
        assertThat(setting.copies()).isTrue();
    }

    @Test
    void beforeNamesChoiceIsStoredAndReadBack() {
        UniquePrefixSetting setting = new UniquePrefixSetting(services.database());
        assertThat(setting.prefix()).isEqualTo(UniquePrefix.NONE);
        UploadQueueViewModel first = queue();
        first.keepUniquePrefixIn(setting::prefix, setting::setPrefix);
        first.uniquePrefixProperty().set(UniquePrefix.DATE);
        assertThat(setting.prefix()).isEqualTo(UniquePrefix.DATE);

        UploadQueueViewModel second = queue();
        second.keepUniquePrefixIn(setting::prefix, setting::setPrefix);
        assertThat(second.uniquePrefixProperty().get()).isEqualTo(UniquePrefix.DATE);
        second.uniquePrefixProperty().set(UniquePrefix.RANDOM);
        assertThat(new UniquePrefixSetting(services.database()).prefix()).isEqualTo(UniquePrefix.RANDOM);

        // A value another version wrote, or a damaged one, reads as "nothing" rather than failing the queue.
        new org.linkdesk.store.Settings(services.database(), UniquePrefixSetting.KEY).write("weekly");
        assertThat(setting.prefix()).isEqualTo(UniquePrefix.NONE);
    }

    @Test
    void anotherToolsUploadIsListedNotResumableAndAbortedAfterConfirming() {
        S3Uploads calls = new S3Uploads(services.s3());
        calls.createMultipartUpload(who.endpoint(), who.credentials(), bucket, "big/other-tool.bin", null);
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(false).answer(true);
        List<String> resumed = new ArrayList<>();
        UnfinishedUploadsViewModel model = new UnfinishedUploadsViewModel(services.uploads(), new DirectTaskRunner(),
                dialogs, () -> who, (file, b, key) -> resumed.add(key));
        model.load(bucket);
        assertThat(model.rows()).extracting(r -> r.upload().key()).containsExactly("big/other-tool.bin");
        UnfinishedUploadsViewModel.Row row = model.rows().get(0);
        assertThat(row.startedBy()).isEqualTo("Another tool");

        assertThat(model.resume(row)).isFalse();
        assertThat(resumed).isEmpty();
        assertThat(model.messageProperty().get()).contains("another tool");

        model.abort(row);
        assertThat(model.rows()).hasSize(1);
        model.abort(row);
        assertThat(model.rows()).isEmpty();
        assertThat(dialogs.last("confirm").text()).contains("big/other-tool.bin");
        model.refresh();
        assertThat(model.rows()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("No unfinished uploads in " + bucket + ".");
    }

    @Test
    void uploadLinkForSomeoneMakesEachKindAndSavesOutputs() throws java.io.IOException {
        java.util.concurrent.atomic.AtomicReference<String> copied = new java.util.concurrent.atomic.AtomicReference<>();
        Path saved = dir.resolve("upload.html");
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(saved);
        UploadLinks links = new UploadLinks(services.links(), services::s3, Clock.systemUTC());
        UploadLinkViewModel model = new UploadLinkViewModel(links, new DirectTaskRunner(), dialogs, copied::set,
                () -> who, linkBucket, "inbox/");
        model.maxSizeProperty().set("10MiB");
        model.contentTypeProperty().set("image/");
        model.generate();
        assertThat(model.outputs()).extracting(UploadLinks.Output::title)
                .containsExactly("HTML upload page", "curl command", "JSON {url, fields}");
        assertThat(model.outputs().get(2).text()).contains("inbox/${filename}").contains("\"fields\"");
        model.save(model.outputs().get(0));
        assertThat(java.nio.file.Files.readString(saved)).contains("<html");
        model.copy(model.outputs().get(1));
        assertThat(copied.get()).startsWith("curl");

        model.kindProperty().set(UploadLinkViewModel.Kind.PUT);
        model.generate();
        assertThat(model.outputs()).isEmpty();
        assertThat(model.messageProperty().get()).contains("Enter the key");
        model.keyProperty().set("inbox/report.pdf");
        model.contentTypeProperty().set("");
        model.generate();
        assertThat(model.outputs().get(0).text()).contains("inbox/report.pdf").contains("X-Amz-Signature");

        model.kindProperty().set(UploadLinkViewModel.Kind.MULTIPART);
        model.fileSizeProperty().set("12MiB");
        // The part size is checked before anything starts on the server: too small, not a size, too many parts.
        model.partSizeProperty().set("4MiB");
        model.generate();
        assertThat(model.messageProperty().get()).isEqualTo("The part size must be at least 5 MiB.");
        model.partSizeProperty().set("lots");
        model.generate();
        assertThat(model.messageProperty().get()).contains("'lots' is not a size");
        model.fileSizeProperty().set("100GiB");
        model.partSizeProperty().set("5MiB");
        model.generate();
        assertThat(model.messageProperty().get()).isEqualTo("A file of 100 GiB in parts of 5 MiB needs 20480 parts; "
                + "S3 allows at most 10 000. Choose a part size of at least 11 MiB.");
        assertThat(model.outputs()).isEmpty();
        assertThat(services.uploads().unfinished(who, linkBucket, "inbox/")).isEmpty();

        model.fileSizeProperty().set("12MiB");
        model.generate();
        assertThat(model.outputs()).extracting(UploadLinks.Output::title)
                .containsExactly("bash script (curl)", "PowerShell script", "JSON {uploadId, parts, completeUrl…}");
        assertThat(model.messageProperty().get()).startsWith("Multipart upload started (3 parts of 5 MiB)");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(model.outputs().get(2).text());
        assertThat(json.get("partSize").asLong()).isEqualTo(5L * 1024 * 1024);
        assertThat(json.get("parts")).hasSize(3);
        assertThat(json.get("parts").get(2).get("url").asText()).contains("partNumber=3");
        assertThat(json.get("key").asText()).isEqualTo("inbox/report.pdf");
        assertThat(services.uploads().unfinished(who, linkBucket, "inbox/")).extracting(u -> u.key())
                .contains("inbox/report.pdf");
        assertThat(json.get("uploadId").asText()).isIn(services.uploads().unfinished(who, linkBucket, "inbox/")
                .stream().map(u -> u.uploadId()).toList());
        Path savedJson = dir.resolve("presigned-multipart.json");
        dialogs.answer(savedJson);
        model.save(model.outputs().get(2));
        assertThat(java.nio.file.Files.readString(savedJson)).isEqualTo(model.outputs().get(2).text());
        model.copy(model.outputs().get(2));
        assertThat(copied.get()).isEqualTo(model.outputs().get(2).text());
    }

    private static UploadQueueViewModel queue() {
        return new UploadQueueViewModel(services.uploads(), new DirectTaskRunner(), text -> { }, () -> who,
                taken -> ExistingKeyPolicy.SKIP);
    }
}
