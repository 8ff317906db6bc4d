package org.linkdesk.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.DirectTaskRunner;

/** The "Make a link" view model driven without a window, against real services and a real S3 server. */
class LinkFormViewModelTest {
    @TempDir
    static Path dataDir;
    private static Services services;
    private static Profile profile;
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private static String bucket;

    private final List<String> clipboard = new ArrayList<>();
    private final SimpleObjectProperty<Profile> selected = new SimpleObjectProperty<>();
    private LinkFormViewModel model;

    @BeforeAll
    static void setUp() {
        services = Services.open(dataDir);
        services.vault().create("test password 1".toCharArray());
        profile = services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, "us-east-1", S3.endpoint(), false));
        bucket = S3.newBucket();
        S3.putObject(bucket, "docs/a+b = c.txt", "content".getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    @BeforeEach
    void newModel() {
        model = new LinkFormViewModel(services.links(), services.profiles(), services::s3, new DirectTaskRunner(),
                clipboard::add, Clock.systemUTC(), ZoneId.of("UTC"), selected);
    }

    @Test
    void cannotGenerateUntilProfileBucketKeyAndExpiryAreValid() {
        assertThat(model.canGenerateProperty().get()).isFalse();
        selected.set(profile);
        model.bucketProperty().set("Not_A_Bucket");
        model.keyProperty().set("x");
        assertThat(model.bucketProblemProperty().get()).contains("upper-case");
        assertThat(model.canGenerateProperty().get()).isFalse();
        model.bucketProperty().set(bucket);
        assertThat(model.canGenerateProperty().get()).isTrue();
        model.keyProperty().set("k".repeat(1025));
        assertThat(model.keyProblemProperty().get()).contains("1024");
        model.keyProperty().set("x");
        model.presetProperty().set(ExpiryPreset.CUSTOM);
        model.customDurationProperty().set("8d");
        assertThat(model.expiryProblemProperty().get()).contains("7 days");
        assertThat(model.canGenerateProperty().get()).isFalse();
    }

    @Test
    void generatesALinkTheServerAcceptsCopiesItAndRecordsIt() throws Exception {
        selected.set(profile);
        model.fill(bucket, "docs/a+b = c.txt");
        model.noteProperty().set("for Ana");
        model.generate();

        String url = model.urlProperty().get();
        assertThat(url).contains("/docs/a%2Bb%20%3D%20c.txt?");
        HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("content");

        model.copy();
        assertThat(clipboard).containsExactly(url);
        assertThat(model.messageProperty().get()).contains("copied");
        assertThat(services.shares().newest(1, 0).get(0).note()).isEqualTo("for Ana");

        // Changing the key makes the shown link stale: it is cleared.
        model.keyProperty().set("other.txt");
        assertThat(model.urlProperty().get()).isEmpty();
    }

    @Test
    void verifyShowsTheObjectOrAPlainWordsError() {
        selected.set(profile);
        model.fill(bucket, "docs/a+b = c.txt");
        model.verify();
        assertThat(model.objectInfoProperty().get().size()).isEqualTo(7);
        assertThat(model.messageIsErrorProperty().get()).isFalse();

        model.keyProperty().set("missing.txt");
        model.verify();
        assertThat(model.objectInfoProperty().get()).isNull();
        assertThat(model.messageIsErrorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("No object \"missing.txt\"");
    }

    @Test
    void aChangedBucketForgetsWhatTheLastCheckFound() {
        selected.set(profile);
        model.fill(bucket, "docs/a+b = c.txt");
        model.verify();
        assertThat(model.messageProperty().get()).startsWith("The object exists");

        model.bucketProperty().set("Not_A_Bucket");
        assertThat(model.objectInfoProperty().get()).isNull();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.bucketProblemProperty().get()).isNotNull();
    }

    @Test
    void putLinksCarryTheContentTypeTheUploaderMustSend() throws Exception {
        selected.set(profile);
        model.fill(bucket, "uploads/new.txt");
        model.methodProperty().set(HttpMethod.PUT);
        model.contentTypeProperty().set("text/plain");
        model.generate();
        assertThat(model.linkSummaryProperty().get()).contains("Content-Type: text/plain");
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(model.urlProperty().get()))
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("up")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(S3.getObject(bucket, "uploads/new.txt")).isPresent();
    }

    @Test
    void copyFollowsTheStoredDefaultFormat() {
        services.copyFormat().setFormat(org.linkdesk.handover.LinkFormat.CURL);
        assertThat(services.copyFormat().format()).isEqualTo(org.linkdesk.handover.LinkFormat.CURL);
        model.handover().defaultFormatProperty().set(services.copyFormat().format());
        selected.set(profile);
        model.fill(bucket, "docs/a+b = c.txt");
        model.generate();

        model.copy();
        assertThat(clipboard).hasSize(1);
        assertThat(clipboard.get(0)).startsWith("curl ").contains(model.urlProperty().get());
        assertThat(model.messageProperty().get()).isEqualTo("Link copied to the clipboard as curl command.");
        services.copyFormat().setFormat(org.linkdesk.handover.LinkFormat.URL);
    }
}
