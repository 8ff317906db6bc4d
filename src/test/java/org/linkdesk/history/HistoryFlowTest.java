package org.linkdesk.history;

import static org.linkdesk.testing.FxFlow.waitUntil;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.testing.Snapshots;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A user searches the history, filters it, renews a link and copies links, on the real view and services. */
@ExtendWith(ApplicationExtension.class)
class HistoryFlowTest {
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    @TempDir
    static Path dataDir;
    private Services services;
    private FxTaskRunner tasks;
    private HistoryViewModel model;
    private final AtomicReference<String> clipboard = new AtomicReference<>();
    private String bucket;

    @Start
    void start(Stage stage) {
        org.linkdesk.testing.OffUiThread.run(() -> {
            services = Services.open(dataDir.resolve("flow"));
            services.vault().create("history flow password".toCharArray());
            Profile p = services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                    S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, S3.endpoint(), true));
            bucket = S3.newBucket();
            SigningIdentity id = SigningIdentity.of(p, services.profiles().credentials(p));
            List<String> keys = List.of("reports/2026/Q1 summary.pdf", "photos/quokka selfie 🦘.jpg", "写真/海.png",
                    "contracts/acme – signed.pdf", "tmp/old upload.bin");
            for (int i = 0; i < keys.size(); i++) {
                S3.putObject(bucket, keys.get(i), ("body " + i).getBytes(StandardCharsets.UTF_8), "text/plain");
                services.links().generate(id, bucket, keys.get(i), LinkOptions.get(Duration.ofHours(i == 4 ? 2 : 48)),
                        i == 1 ? "for the zoo newsletter" : null,
                        new ShareExtras(i == 3 ? "legal@acme.test" : null, i == 3 ? List.of("legal") : List.of(), null,
                                null));
            }
        });
        tasks = new FxTaskRunner(2);
        org.linkdesk.ui.common.SceneFactory scenes = new org.linkdesk.ui.common.SceneFactory();
        model = new HistoryViewModel(services.history(), services.historyExchange(), services.shares(), tasks,
                clipboard::set, new org.linkdesk.ui.common.FxDialogs(() -> stage, scenes));
        HistoryView view = new HistoryView(model, ZoneId.of("UTC"), (b, k) -> { });
        Scene scene = scenes.create(view.root(), 1100, 720);
        stage.setScene(scene);
        stage.show();
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        services.close();
    }

    @Test
    void searchFilterRenewAndCopy(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<HistoryEntry> table = robot.lookup("#historyTable").queryAs(TableView.class);
        Label count = robot.lookup("#historyCountLabel").queryAs(Label.class);
        waitUntil(() -> table.getItems() != null && table.getItems().size() == 5);
        waitUntil(() -> count.getText().equals("5 links"));
        robot.interact(() -> Snapshots.save(table.getScene(), "history-all"));

        // Search: a word from the key, then one from a note.
        robot.clickOn("#historySearchField").write("quokka");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).share().key()).isEqualTo("photos/quokka selfie 🦘.jpg");
        robot.interact(() -> Snapshots.save(table.getScene(), "history-search"));
        robot.doubleClickOn("#historySearchField").eraseText(6).write("newsletter");
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).note() != null);

        // Filter: clear the search, then the "expiring" chip and the tag filter.
        robot.clickOn("#historyClearButton");
        waitUntil(() -> table.getItems().size() == 5);
        robot.clickOn("#historyExpiringChip");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).share().key()).isEqualTo("tmp/old upload.bin");
        robot.clickOn("#historyExpiringChip");
        waitUntil(() -> table.getItems().size() == 5);
        robot.clickOn("#historyTagField").write("legal").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).recipient()).isEqualTo("legal@acme.test");
        robot.interact(() -> Snapshots.save(table.getScene(), "history-filter"));

        // Copy the filtered link.
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#historyCopyButton");
        waitUntil(() -> clipboard.get() != null);
        assertThat(clipboard.get()).startsWith(S3.endpoint() + "/" + bucket + "/contracts/acme")
                .contains("X-Amz-Signature=");
        assertThat(status(clipboard.get())).isEqualTo(200);

        // Renew it: a new link, copied, shown on top, pointing back at the old one.
        long oldId = table.getItems().get(0).id();
        clipboard.set(null);
        robot.clickOn("#historyRenewButton");
        waitUntil(() -> robot.lookup("#chooseBox").tryQuery().isPresent());
        robot.interact(() -> Snapshots.save(robot.lookup("#chooseBox").query().getScene(), "history-renew"));
        robot.clickOn("#chooseOkButton");
        waitUntil(() -> clipboard.get() != null && table.getItems().size() == 2);
        HistoryEntry renewed = table.getItems().get(0);
        assertThat(renewed.renewedFrom()).isEqualTo(oldId);
        assertThat(renewed.tags()).containsExactly("legal");
        assertThat(clipboard.get()).isEqualTo(services.shares().url(renewed.id()).orElseThrow());
        assertThat(status(clipboard.get())).isEqualTo(200);
        Label message = robot.lookup("#historyMessageLabel").queryAs(Label.class);
        assertThat(message.getText()).startsWith("Renewed:");
        robot.interact(() -> Snapshots.save(table.getScene(), "history-renewed"));

        // The summary bar counts the new link.
        robot.clickOn("#historyClearButton");
        waitUntil(() -> table.getItems().size() == 6);
        waitUntil(() -> robot.lookup("#historyActiveChip").queryLabeled().getText().equals("5 active"));
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
