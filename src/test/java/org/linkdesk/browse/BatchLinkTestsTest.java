package org.linkdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.wiring.Services;

/** "Test links" in the batch results: each row gets its own diagnosis, the summary counts the failures. */
class BatchLinkTestsTest {
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    @TempDir
    static Path dataDir;
    private static Services services;

    @BeforeAll
    static void setUp() {
        services = Services.open(dataDir);
        services.vault().create("batch test password".toCharArray());
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    @Test
    void eachRowShowsWhetherItsLinkWorks() {
        Profile p = services.profiles().create(new ProfileDraft("local", S3ProxyServer.ACCESS_KEY_ID,
                S3ProxyServer.SECRET_ACCESS_KEY, null, false, S3ProxyServer.REGION, S3.endpoint(), true));
        BrowseTarget target = BrowseTarget.of(SigningIdentity.of(p, services.profiles().credentials(p)));
        String bucket = S3.newBucket();
        S3.putObject(bucket, "a/here.txt", "here".getBytes(StandardCharsets.UTF_8), "text/plain");
        List<ListedObject> objects = List.of(new ListedObject("a/here.txt", 4, Instant.now(), "e", "STANDARD"),
                new ListedObject("a/gone.txt", 4, Instant.now(), "e", "STANDARD"));
        BatchLinkViewModel m = new BatchLinkViewModel(bucket, objects, services.links(), new DirectTaskRunner(),
                text -> { }, () -> target);

        m.make();
        m.testAll();

        assertThat(m.rows().get(0).testResultProperty().get()).startsWith("Works");
        assertThat(m.rows().get(1).testResultProperty().get()).contains("no object at this key");
        assertThat(m.messageIsErrorProperty().get()).isTrue();
        assertThat(m.messageProperty().get()).isEqualTo("1 of 2 links do not work; see the Test column.");
    }
}
