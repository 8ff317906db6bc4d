package org.linkdesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.profiles.awsconfig.AwsCredentialSource;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.ui.tasks.ManualTaskRunner;

/** "Import from AWS CLI" without a stage: the preview, clashes, all-or-nothing import, a malformed file. */
class AwsImportViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private ProfileService profiles;
    private Path credentials;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open(dir.resolve("data"));
        Vault vault = new Vault(db);
        vault.create("aws import".toCharArray());
        credentials = dir.resolve("credentials");
        Files.writeString(credentials, """
                [default]
                aws_access_key_id = AKIAEXAMPLE0000001
                aws_secret_access_key = secret/one
                [work]
                aws_access_key_id = AKIAEXAMPLE0000002
                aws_secret_access_key = secret/two
                """);
        profiles = new ProfileService(db, vault, SecretKeychain.none("test"), AwsCredentialSource.sdk(),
                new AwsConfigFiles(credentials, dir.resolve("config")));
        profiles.create(new ProfileDraft("work", "AKIAOLD", "old", null, false, "eu-west-1", null, false));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void thePreviewShowsBusyMeanwhileThenTheRowsWithTheClashMarked() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        AwsImportViewModel model = new AwsImportViewModel(profiles, tasks);
        model.load();
        assertThat(model.busyProperty().get()).isTrue();
        tasks.runPending();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.rows()).extracting(r -> r.source().name()).containsExactly("default", "work");
        assertThat(model.rows()).extracting(AwsImportRow::nameTaken).containsExactly(false, true);
        assertThat(model.sourceProperty().get()).startsWith("From " + credentials);
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void importingTheTickedRowsReportsWhatHappened() {
        AwsImportViewModel model = new AwsImportViewModel(profiles, new DirectTaskRunner());
        model.load();
        model.rows().forEach(r -> r.selectedProperty().set(true));
        AwsImportRow work = model.rows().get(1);
        work.onClashProperty().set(AwsImport.Clash.SKIP);
        List<AwsImport.Outcome> outcomes = new ArrayList<>();
        model.importSelected(outcomes::add);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).skipped()).containsExactly("work");
        assertThat(outcomes.get(0).created()).hasSize(1);
        assertThat(profiles.list()).hasSize(2);
        assertThat(profiles.credentials(profiles.find("work").orElseThrow()).accessKeyId()).isEqualTo("AKIAOLD");
    }

    @Test
    void nothingTickedAsksForATick() {
        AwsImportViewModel model = new AwsImportViewModel(profiles, new DirectTaskRunner());
        model.load();
        model.rows().forEach(r -> r.selectedProperty().set(false));
        model.importSelected(outcome -> { });
        assertThat(model.errorProperty().get()).isEqualTo("Tick at least one profile to import.");
    }

    @Test
    void aMalformedFileOffersNothingAndSaysWhere() throws Exception {
        Files.writeString(credentials, "[default\naws_access_key_id = AKIA\n");
        AwsImportViewModel model = new AwsImportViewModel(profiles, new DirectTaskRunner());
        model.load();
        assertThat(model.rows()).isEmpty();
        assertThat(model.errorProperty().get()).contains("credentials").contains("line 1");
        assertThat(model.sourceProperty().get()).isEqualTo("Nothing can be imported until the file is fixed.");
    }
}
