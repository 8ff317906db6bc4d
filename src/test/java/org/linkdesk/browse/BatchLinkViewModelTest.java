package org.linkdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.ui.tasks.DirectTaskRunner;

/** The batch dialog's view model: rules, names, one transaction, Copy all and exports. */
class BatchLinkViewModelTest {
    @TempDir
    static Path dataDir;
    private static Services services;
    private static BrowseTarget target;
    private final List<String> clipboard = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        services = Services.open(dataDir);
        services.vault().create("correct horse battery".toCharArray());
        Profile p = services.profiles().create(new ProfileDraft("s3", "AKIAEXAMPLE0000001", "secret/example+key",
                null, false, "eu-west-1", null, false));
        target = BrowseTarget.of(SigningIdentity.of(p, services.profiles().credentials(p)));
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    private BatchLinkViewModel model(String... keys) {
        List<ListedObject> objects = new ArrayList<>();
        for (String k : keys) {
            objects.add(new ListedObject(k, 1234, Instant.now(), "etag", "STANDARD"));
        }
        return new BatchLinkViewModel("team-share", objects, services.links(), new DirectTaskRunner(),
                clipboard::add, () -> target);
    }

    @Test
    void rulesGiveEachRowItsExpiryAndEditsApplyAtOnce() {
        BatchLinkViewModel m = model("a/report.pdf", "a/photo.JPG", "a/data.csv");
        assertThat(m.rows()).extracting(r -> r.expiryProperty().get()).containsExactly("2 days", "7 days", "1 day");

        m.rules().get(0).expiryProperty().set("3h");
        m.fallbackProperty().set("90m");
        assertThat(m.rows()).extracting(r -> r.expiryProperty().get()).containsExactly("3 h", "7 days", "1 h 30 min");

        m.rules().get(1).expiryProperty().set("9d");
        assertThat(m.rulesProblemProperty().get()).isNotNull();
        m.make();
        assertThat(m.doneProperty().get()).isFalse();
        m.rules().get(1).expiryProperty().set("7d");
        assertThat(m.rulesProblemProperty().get()).isNull();
    }

    @Test
    void makeRecordsAllLinksThenCopiesAndExports() throws Exception {
        long before = services.shares().count();
        BatchLinkViewModel m = model("a/report.pdf", "a/photo, \"final\".jpg");
        m.rows().get(0).downloadNameProperty().set("Quarterly report.pdf");
        m.noteProperty().set("for the board");

        m.make();

        assertThat(m.doneProperty().get()).isTrue();
        assertThat(services.shares().count()).isEqualTo(before + 2);
        assertThat(m.rows().get(0).urlProperty().get()).contains("X-Amz-Expires=172800")
                .contains("response-content-disposition=attachment%3B%20filename%3D%22Quarterly%20report.pdf%22");
        assertThat(services.shares().newest(1, 0).get(0).note()).isEqualTo("for the board");

        m.copyAll();
        assertThat(clipboard.get(0).split("\n")).containsExactly(m.rows().get(0).urlProperty().get(),
                m.rows().get(1).urlProperty().get());

        Path csv = dataDir.resolve("links.csv");
        m.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("bucket,key,download_name,expires_at,url");
        assertThat(lines.get(2)).startsWith("team-share,\"a/photo, \"\"final\"\".jpg\",\"photo, \"\"final\"\".jpg\",");

        Path json = dataDir.resolve("links.json");
        m.exportJson(json);
        JsonNode array = new ObjectMapper().readTree(json.toFile());
        assertThat(array).hasSize(2);
        assertThat(array.get(1).get("key").asText()).isEqualTo("a/photo, \"final\".jpg");
        assertThat(array.get(0).get("url").asText()).isEqualTo(m.rows().get(0).urlProperty().get());
        assertThat(array.get(0).get("downloadName").asText()).isEqualTo("Quarterly report.pdf");
    }

    @Test
    void aFailingBatchSavesNothingAndSaysSo() {
        long before = services.shares().count();
        BatchLinkViewModel m = model("ok.pdf", "x".repeat(1100));   // the second key is too long for S3

        m.make();

        assertThat(m.doneProperty().get()).isFalse();
        assertThat(m.messageIsErrorProperty().get()).isTrue();
        assertThat(m.messageProperty().get()).endsWith("No link of this batch was saved.");
        assertThat(services.shares().count()).isEqualTo(before);
    }
}
