package org.linkdesk.handover.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.PresignedUrl;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.handover.Diagnosis;
import org.linkdesk.handover.HandoverLink;
import org.linkdesk.handover.LinkFormat;
import org.linkdesk.handover.LinkTester;
import org.linkdesk.handover.QrRoundTripTest;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.DirectTaskRunner;

/** The hand-over view model and the key preview, without a stage. */
class HandoverViewModelTest {
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private final List<String> clipboard = new ArrayList<>();
    private final HandoverViewModel model = new HandoverViewModel(LinkTester.createDefault(), new DirectTaskRunner(),
            clipboard::add);
    @TempDir
    Path dir;

    private HandoverLink link(String bucket, String key) {
        PresignedUrl url = new SigV4Presigner().presign(S3.s3Endpoint(), S3ProxyServer.credentials(),
                LinkOptions.get(Duration.ofMinutes(5)).toRequest(bucket, key, Duration.ofMinutes(5)));
        return HandoverLink.of(url, "a b.txt", null);
    }

    @Test
    void copiesInEachFormatAndTheDefault() {
        assertThat(model.copy(LinkFormat.CURL)).as("no link yet").isEmpty();
        String bucket = S3.newBucket();
        model.linkProperty().set(link(bucket, "a b.txt"));
        assertThat(model.copy(LinkFormat.CURL)).startsWith("curl --fail -o 'a b.txt' 'http");
        assertThat(model.messageProperty().get()).isEqualTo("Copied as curl command.");
        model.defaultFormatProperty().set(LinkFormat.MARKDOWN);
        assertThat(model.copyDefault()).startsWith("[a b\\.txt](http");
        assertThat(clipboard).hasSize(2);
    }

    @Test
    void testsTheLinkAndForgetsTheAnswerWhenTheLinkChanges() {
        String bucket = S3.newBucket();
        S3.putObject(bucket, "a b.txt", "hi".getBytes(StandardCharsets.UTF_8), "text/plain");
        model.linkProperty().set(link(bucket, "a b.txt"));
        model.test();
        assertThat(model.testResultProperty().get().diagnosis()).isEqualTo(Diagnosis.OK);
        assertThat(model.messageProperty().get()).startsWith("Works: The link works (206): 2 bytes");
        assertThat(model.testingProperty().get()).isFalse();
        model.linkProperty().set(link(bucket, "gone.txt"));
        assertThat(model.testResultProperty().get()).isNull();
        model.test();
        assertThat(model.testResultProperty().get().diagnosis()).isEqualTo(Diagnosis.NO_SUCH_KEY);
        assertThat(model.testFailedProperty().get()).isTrue();
    }

    @Test
    void savesTheQrCodeAsAPngThatDecodes() throws Exception {
        model.linkProperty().set(link(S3.newBucket(), "x.txt"));
        Path file = dir.resolve("qr.png");
        model.savePng(model.qr(), file);
        assertThat(QrRoundTripTest.decode(Files.readAllBytes(file))).isEqualTo(model.linkProperty().get().url());
        assertThat(model.qrMessageProperty().get()).isEqualTo("QR code saved as qr.png.");
    }

    @Test
    void keyPreviewWarnsAndShowsThePathAndHeader() {
        SimpleStringProperty bucket = new SimpleStringProperty("reports");
        SimpleStringProperty key = new SimpleStringProperty("2025/q1.pdf");
        SimpleObjectProperty<HttpMethod> method = new SimpleObjectProperty<>(HttpMethod.GET);
        SimpleStringProperty name = new SimpleStringProperty("");
        SimpleBooleanProperty inline = new SimpleBooleanProperty(false);
        KeyPreviewModel preview = new KeyPreviewModel(bucket, key, method, name, inline, S3::s3Endpoint);
        assertThat(preview.warningsProperty().get()).isEmpty();
        assertThat(preview.pathPreviewProperty().get()).isEmpty();
        key.set("../etc/passwd");
        assertThat(preview.warningsProperty().get()).contains("'..'");
        assertThat(preview.refusedProperty().get()).isTrue();
        assertThat(preview.pathPreviewProperty().get()).endsWith("/reports/../etc/passwd");
        key.set("caf\u0065\u0301\u00A0menu.pdf");
        assertThat(preview.warningsProperty().get()).contains("decomposed").contains("non-breaking");
        assertThat(preview.pathPreviewProperty().get()).endsWith("/reports/cafe%CC%81%C2%A0menu.pdf");
        name.set("a/b\"c.pdf");
        assertThat(preview.headerPreviewProperty().get())
                .isEqualTo("The download comes with Content-Disposition: attachment; filename=\"a_b_c.pdf\"");
        method.set(HttpMethod.PUT);
        assertThat(preview.headerPreviewProperty().get()).isEmpty();
    }
}
