package org.linkdesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.ui.common.ScriptedDialogs;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.wiring.Services;

/** The profile's link delivery settings: CloudFront with a PEM key picked from a file, and a custom host. */
class DeliveryViewModelTest {
    @TempDir
    static Path dataDir;
    private static Services services;
    private static Profile profile;

    @BeforeAll
    static void setUp() {
        services = Services.open(dataDir.resolve("data"));
        services.vault().create("delivery password".toCharArray());
        profile = services.profiles().create(new ProfileDraft("cdn", "AKIAEXAMPLE0000001", "secret/example+key",
                null, false, "eu-west-1", null, false));
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    @Test
    void storesCloudFrontWithAnEncryptedKeyAndRefusesABadOneWithoutLosingAnything() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = dataDir.resolve("cf.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Path junk = dataDir.resolve("junk.pem");
        Files.writeString(junk, "not a key", StandardCharsets.UTF_8);
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(junk).answer(pem);
        DeliveryViewModel m = new DeliveryViewModel(services.delivery(), new DirectTaskRunner(), dialogs,
                profile.id());
        m.load();
        assertThat(m.keyStatusProperty().get()).isEqualTo("No private key stored.");

        m.choosePrivateKey();
        assertThat(m.problemProperty().get()).isNotEmpty();
        m.choosePrivateKey();
        assertThat(m.problemProperty().get()).isEmpty();
        assertThat(m.keyStatusProperty().get()).contains("cf.pem");
        m.cloudFrontDomainProperty().set("d111111abcdef8.cloudfront.net");
        m.keyPairIdProperty().set("K2JCJMDEHXQW5F");
        boolean[] saved = {false};
        m.save(() -> saved[0] = true);

        assertThat(saved[0]).isTrue();
        ProfileDelivery stored = services.delivery().settings(profile.id());
        assertThat(stored.usesCloudFront()).isTrue();
        assertThat(services.delivery().cloudFrontKey(profile.id()).getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
        assertThat(m.keyStatusProperty().get()).contains("encrypted");

        // A refused host changes nothing.
        m.publicHostProperty().set("not a url");
        saved[0] = false;
        m.save(() -> saved[0] = true);
        assertThat(saved[0]).isFalse();
        assertThat(m.problemProperty().get()).isNotEmpty();
        assertThat(services.delivery().settings(profile.id())).isEqualTo(stored);
    }
}
