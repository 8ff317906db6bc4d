package org.linkdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.links.ExpiryPreset;
import org.linkdesk.links.ScriptedHttpServer;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.wiring.Services;

/**
 * Browse's versions list: only the selected key's versions (a scripted server, as S3Proxy keeps no versions), a
 * link per version signed with its versionId and recorded, and no link for a delete marker.
 */
class ObjectVersionsModelTest {
    private static final String XML = "<ListVersionsResult><IsTruncated>false</IsTruncated>"
            + "<Version><Key>docs/plan.txt</Key><VersionId>3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY</VersionId>"
            + "<IsLatest>true</IsLatest><LastModified>2026-01-02T03:04:05Z</LastModified><Size>12</Size></Version>"
            + "<DeleteMarker><Key>docs/plan.txt</Key><VersionId>dm1</VersionId><IsLatest>false</IsLatest>"
            + "<LastModified>2026-01-01T00:00:00Z</LastModified></DeleteMarker>"
            + "<Version><Key>docs/plan.txt.bak</Key><VersionId>other</VersionId><IsLatest>true</IsLatest>"
            + "<LastModified>2026-01-01T00:00:00Z</LastModified><Size>3</Size></Version></ListVersionsResult>";
    @TempDir
    static Path dataDir;
    private static Services services;

    @BeforeAll
    static void setUp() {
        services = Services.open(dataDir);
        services.vault().create("versions password".toCharArray());
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    @Test
    void listsOnlyTheSelectedKeyAndLinksToTheChosenVersion() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.answer = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " + XML.length()
                    + "\r\nConnection: close\r\n\r\n" + XML;
            Profile p = services.profiles().create(new ProfileDraft("scripted", "AKIAEXAMPLE0000001",
                    "secret/example+key", null, false, "us-east-1", server.endpoint(), true));
            BrowseTarget target = BrowseTarget.of(SigningIdentity.of(p, services.profiles().credentials(p)));
            List<String> clipboard = new ArrayList<>();
            ObjectVersionsModel m = new ObjectVersionsModel(services::s3, services.links(), new DirectTaskRunner(),
                    clipboard::add, () -> target);

            m.load("bucket", "docs/plan.txt");
            assertThat(m.versions()).extracting(v -> v.versionId())
                    .containsExactly("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", "dm1");
            assertThat(m.messageProperty().get()).isEqualTo("2 versions.");

            m.makeLink(m.versions().get(1), ExpiryPreset.HOUR_1);
            assertThat(clipboard).isEmpty();
            assertThat(m.messageProperty().get()).contains("delete marker");

            long before = services.shares().count();
            m.makeLink(m.versions().get(0), ExpiryPreset.HOUR_1);
            assertThat(clipboard).hasSize(1);
            assertThat(clipboard.get(0)).contains("versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")
                    .contains("/bucket/docs/plan.txt?");
            assertThat(services.shares().count()).isEqualTo(before + 1);
        }
    }
}
