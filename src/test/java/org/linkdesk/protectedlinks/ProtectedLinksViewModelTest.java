package org.linkdesk.protectedlinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.shares.DownloadOutcome;
import org.linkdesk.shares.PasswordHasher;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.shares.SqlProtectedShareStore;
import org.linkdesk.store.Database;
import org.linkdesk.ui.tasks.DirectTaskRunner;

/** The Protected links tab's logic without a stage: the real service and database, a scripted gateway probe. */
class ProtectedLinksViewModelTest {
    @TempDir
    Path dir;
    Database database;
    ProtectedShareService shares;
    final List<String> copied = new ArrayList<>();
    String probeAnswer;
    ProtectedLinksViewModel vm;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        shares = new ProtectedShareService(new SqlProtectedShareStore(database), new PasswordHasher(1024, 1, 1),
                Clock.systemUTC());
        vm = new ProtectedLinksViewModel(shares, url -> probeAnswer, (b, k) -> 2048L, () -> "alice",
                new DirectTaskRunner(), copied::add);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void gatewayUrlIsSavedAndAnUnreachableGatewayIsSaidClearly() {
        vm.refresh();
        assertThat(vm.gatewayProblemProperty().get()).isTrue();
        assertThat(vm.gatewayStatusProperty().get()).contains("Set the address");
        probeAnswer = "The share gateway at https://share.example.com is not reachable; start it with 'linkdesk serve'.";
        vm.gatewayUrlProperty().set("https://share.example.com/");
        vm.saveGatewayUrl();
        assertThat(shares.publicUrl()).hasValue("https://share.example.com");
        assertThat(vm.gatewayStatusProperty().get()).isEqualTo(probeAnswer);
        probeAnswer = null;
        vm.checkGateway();
        assertThat(vm.gatewayProblemProperty().get()).isFalse();
        assertThat(vm.gatewayStatusProperty().get()).contains("answers");
    }

    @Test
    void createListRevokeAndLog() {
        shares.setPublicUrl("https://share.example.com");
        vm.fill("bucket", "reports/q3.pdf");
        vm.maxDownloadsProperty().set("five");
        vm.create();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("whole number");

        vm.maxDownloadsProperty().set("5");
        vm.passwordProperty().set("pw");
        vm.create();
        assertThat(vm.messageIsErrorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.downloadsText()).isEqualTo("0 / 5");
            assertThat(r.statusText()).isEqualTo("active · password");
            assertThat(r.share().owner()).isEqualTo("alice");
            assertThat(r.share().sizeBytes()).isEqualTo(2048L);
        });
        String id = vm.rows().get(0).share().id();
        assertThat(vm.createdLinkProperty().get()).isEqualTo("https://share.example.com/s/" + id);
        assertThat(copied).containsExactly("https://share.example.com/s/" + id);

        assertThat(shares.download(id, "pw".toCharArray(), "198.51.100.7", "Firefox"))
                .isInstanceOf(DownloadOutcome.Granted.class);
        vm.refresh();
        vm.selectedProperty().set(vm.rows().get(0));
        assertThat(vm.rows().get(0).downloadsText()).isEqualTo("1 / 5");
        assertThat(vm.log()).singleElement().satisfies(d -> assertThat(d.userAgent()).isEqualTo("Firefox"));
        assertThat(vm.logTitleProperty().get()).isEqualTo("1 download of q3.pdf");

        vm.revokeSelected();
        assertThat(vm.rows().get(0).statusText()).startsWith("revoked");
        assertThat(shares.download(id, "pw".toCharArray(), "198.51.100.7", "Firefox"))
                .isInstanceOf(DownloadOutcome.Gone.class);
    }
}
