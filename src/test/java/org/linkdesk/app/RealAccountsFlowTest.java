package org.linkdesk.app;

import static org.linkdesk.testing.FxFlow.waitUntil;
import org.linkdesk.testing.FxFlow;

import org.linkdesk.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.profiles.FakeKeychain;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProviderPreset;
import org.linkdesk.profiles.SecretStorage;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.testing.Snapshots;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Import from the AWS CLI files, edit an imported profile (into the keychain), test the connection, presets. */
@ExtendWith(ApplicationExtension.class)
class RealAccountsFlowTest {
    @TempDir
    static Path dir;

    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private Services services;
    private FxTaskRunner tasks;
    private final FakeKeychain keychain = new FakeKeychain();

    @Start
    void start(Stage stage) throws Exception {
        Path aws = Files.createDirectories(dir.resolve("aws"));
        Files.writeString(aws.resolve("credentials"), "[local]\naws_access_key_id = " + S3ProxyServer.ACCESS_KEY_ID
                + "\naws_secret_access_key = " + S3ProxyServer.SECRET_ACCESS_KEY + "\n[old-keys]\n"
                + "aws_access_key_id = AKIAOLDKEYS000000042\naws_secret_access_key = oldSecretValue\n",
                StandardCharsets.UTF_8);
        Files.writeString(aws.resolve("config"), "[profile local]\nregion = us-east-1\nendpoint_url = "
                + S3.endpoint() + "\ns3 =\n  addressing_style = path\n[profile dev-sso]\nsso_session = corp\n"
                + "sso_account_id = 111122223333\nsso_role_name = Developer\nregion = eu-central-1\n"
                + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n",
                StandardCharsets.UTF_8);
        services = org.linkdesk.testing.OffUiThread.call(() -> Services.open(dir.resolve("data"), Clock.systemUTC(), S3Http.createDefault(), keychain,
                new AwsConfigFiles(aws.resolve("credentials"), aws.resolve("config"))));
        tasks = new FxTaskRunner(2);
        new MainWindow(services, tasks, TextClipboard.system(), ZoneId.of("UTC")).show(stage);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        services.close();
    }

    @Test
    void importEditAndTestConnection(FxRobot robot) throws Exception {
        FxFlow.createMasterPassword(robot, "correct horse battery");

        // Import: the preview lists the three profiles with masked keys.
        robot.clickOn("#profilesMenuButton");
        robot.clickOn("Import from AWS CLI…");
        waitUntil(() -> robot.lookup("#awsImportTable").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#awsImportTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 3);
        waitUntil(() -> robot.lookup(".masked").queryAll().size() >= 2);
        assertThat(robot.lookup(".masked").queryAll().stream().map(n -> ((Label) n).getText()).toList())
                .contains("****0042").noneMatch(t -> t.contains("oldSecret") || t.contains(S3ProxyServer.ACCESS_KEY_ID));
        robot.interact(() -> Snapshots.save(table.getScene(), "aws-import-preview"));
        robot.clickOn("#awsImportPick-old-keys"); // untick one
        robot.clickOn("#awsImportButton");
        waitUntil(() -> robot.lookup("#awsImportButton").tryQuery().isEmpty());
        waitUntil(() -> services.profiles().list().size() == 2);
        Profile local = services.profiles().find("local").orElseThrow();
        assertThat(local.pathStyle()).isTrue();
        assertThat(services.profiles().find("dev-sso").orElseThrow().isAwsReference()).isTrue();
        assertThat(services.profiles().find("old-keys")).isEmpty();

        // Edit the imported profile: move its secret to the keychain, test the connection, save.
        @SuppressWarnings("unchecked")
        ComboBox<Profile> profileBox = robot.lookup("#profileBox").queryAs(ComboBox.class);
        waitUntil(() -> profileBox.getValue() != null);
        robot.interact(() -> profileBox.getSelectionModel().select(profileBox.getItems().stream()
                .filter(p -> p.name().equals("local")).findFirst().orElseThrow()));
        robot.clickOn("#editProfileButton");
        waitUntil(() -> robot.lookup("#profileTestButton").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<SecretStorage> storage = robot.lookup("#profileStorageBox").queryAs(ComboBox.class);
        waitUntil(() -> storage.getItems().contains(SecretStorage.KEYCHAIN));
        robot.interact(() -> storage.setValue(SecretStorage.KEYCHAIN));
        robot.clickOn("#profileTestButton");
        Label result = robot.lookup("#profileTestResult").queryAs(Label.class);
        waitUntil(() -> result.getText().startsWith("OK — "));
        assertThat(result.getText()).matches("OK — \\d+ buckets?");
        robot.interact(() -> Snapshots.save(result.getScene(), "profile-edit-test-ok"));
        robot.clickOn("#profileTestBucketField").write("no-such-bucket-here");
        robot.clickOn("#profileTestButton");
        waitUntil(() -> !result.getText().startsWith("OK") && !result.getText().startsWith("Testing"));
        assertThat(result.getText()).contains("no-such-bucket-here");
        robot.clickOn("#profileSaveButton");
        waitUntil(() -> robot.lookup("#profileSaveButton").tryQuery().isEmpty());
        Profile moved = services.profiles().find("local").orElseThrow();
        assertThat(moved.storage()).isEqualTo(SecretStorage.KEYCHAIN);
        assertThat(keychain.entries).containsValue(S3ProxyServer.SECRET_ACCESS_KEY);
        assertThat(services.profiles().credentials(moved).secretAccessKey())
                .isEqualTo(S3ProxyServer.SECRET_ACCESS_KEY);

        // A new profile with the Cloudflare R2 preset: account id → endpoint, region auto.
        robot.clickOn("#newProfileButton");
        waitUntil(() -> robot.lookup("#profileProviderBox").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<ProviderPreset> provider = robot.lookup("#profileProviderBox").queryAs(ComboBox.class);
        robot.interact(() -> provider.setValue(ProviderPreset.CLOUDFLARE_R2));
        robot.clickOn("#profileAccountIdField").write("0123456789abcdef0123456789abcdef");
        TextField endpoint = robot.lookup("#endpointField").queryAs(TextField.class);
        TextField region = robot.lookup("#regionField").queryAs(TextField.class);
        assertThat(endpoint.getText()).isEqualTo("https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com");
        assertThat(region.getText()).isEqualTo("auto");
        robot.clickOn("#nameField").write("r2");
        robot.clickOn("#accessKeyIdField").write("r2accesskey");
        robot.clickOn("#secretField").write("r2secret");
        robot.interact(() -> Snapshots.save(endpoint.getScene(), "profile-new-r2"));
        robot.clickOn("#profileSaveButton");
        waitUntil(() -> services.profiles().find("r2").isPresent());
        assertThat(services.profiles().find("r2").orElseThrow().provider()).isEqualTo("CLOUDFLARE_R2");
        Node top = robot.lookup("#profileBox").query();
        waitUntil(() -> robot.lookup("#profileSaveButton").tryQuery().isEmpty());
        robot.interact(() -> Snapshots.save(top.getScene(), "main-with-imported-profiles"));
    }

    @Test
    void malformedFileNamesTheLineAndImportsNothing(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("aws").resolve("config"), "[profile ok]\nregion = us-east-1\n"
                + "[profile broken]\nthis line has no equals sign\n", StandardCharsets.UTF_8);
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isPresent());
        robot.clickOn("#masterPasswordField").write("correct horse battery");
        if (robot.lookup("#masterPasswordConfirmField").tryQuery().filter(Node::isVisible).isPresent()) {
            robot.clickOn("#masterPasswordConfirmField").write("correct horse battery");
        }
        robot.clickOn("#masterPasswordSubmit");
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isEmpty());
        int before = services.profiles().list().size();
        robot.clickOn("#profilesMenuButton");
        robot.clickOn("Import from AWS CLI…");
        Label error = robot.lookup("#awsImportError").queryAs(Label.class);
        waitUntil(() -> error.getText() != null && !error.getText().isEmpty());
        assertThat(error.getText()).contains("config line 4").contains("not a setting of the form");
        assertThat(robot.lookup("#awsImportButton").query().isDisabled()).isTrue();
        robot.interact(() -> Snapshots.save(error.getScene(), "aws-import-malformed"));
        robot.clickOn("Cancel");
        assertThat(services.profiles().list()).hasSize(before);
    }

}
