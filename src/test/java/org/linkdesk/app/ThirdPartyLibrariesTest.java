package org.linkdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThirdPartyLibrariesTest {
    @Test
    void everyBundledLibraryIsListedWithTheBuildsVersionAndALicence() {
        var libraries = ThirdPartyLibraries.all();
        assertThat(libraries).extracting(ThirdPartyLibraries.Library::name)
                .contains("OpenJFX (JavaFX)", "ControlsFX", "H2 Database Engine", "Flyway (flyway-core)", "Jackson",
                        "picocli", "SLF4J API", "Logback");
        assertThat(libraries).allSatisfy(l -> {
            assertThat(l.version()).doesNotContain("${").isNotBlank();
            assertThat(l.licence()).isNotBlank();
        });
    }

    @Test
    void theSandboxProfileIsValidAndPathStyle() {
        var draft = new SandboxOffer.Settings("http://127.0.0.1:9555", "us-east-1", "LINKDESKSANDBOX", "not-a-secret",
                "linkdesk-demo", "welcome.txt").draft();
        assertThat(draft.problems(true)).isEmpty();
        assertThat(draft.pathStyle()).isTrue();
        assertThat(draft.name()).isEqualTo(SandboxOffer.PROFILE_NAME);
    }
}
