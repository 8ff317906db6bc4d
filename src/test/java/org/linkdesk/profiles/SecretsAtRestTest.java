package org.linkdesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.PresignRequest;
import org.linkdesk.core.sign.PresignedUrl;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.store.Database;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.Vault;

/** Nothing secret reaches the data directory in a readable form. */
class SecretsAtRestTest {
    private static final String SECRET = "Zq8vDistinctiveSecret/Key+9xWmT4LinkdeskAtRest";
    private static final String TOKEN = "FwoGZXIvYXdzEDistinctiveSessionToken//////////wEaDL+Linkdesk/Q7tokenAtRest=";
    private static final String PROFILE_CANARY = "canary-profile-name-in-clear";
    private static final String NOTE_CANARY = "canary-note-in-clear";

    @TempDir
    Path dir;

    @Test
    void profileSecretsTokensAndSignedUrlsAreNeverStoredReadably() {
        String signature;
        String encodedToken;
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create("at rest password".toCharArray());
            ProfileService profiles = new ProfileService(db, vault);
            Profile profile = profiles.create(new ProfileDraft(PROFILE_CANARY, "AKIAATREST", SECRET, TOKEN, false,
                    "eu-central-1", null, false));

            AwsCredentials credentials = profiles.credentials(profile);
            assertThat(credentials.secretAccessKey()).isEqualTo(SECRET);
            Instant now = Instant.parse("2026-05-01T12:00:00Z");
            PresignedUrl url = new SigV4Presigner().presign(profile.endpoint(), credentials,
                    PresignRequest.of(HttpMethod.GET, "at-rest-bucket", "a/b.txt", Duration.ofHours(2)), now);
            signature = url.url().substring(url.url().indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
            encodedToken = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
            assertThat(signature).hasSize(64);
            assertThat(url.url()).contains(encodedToken);

            ShareRecord share = new ShareStore(db, vault).insert(new NewShare(now, profile.id(), profile.name(),
                    credentials.accessKeyId(), null, "eu-central-1", "at-rest-bucket", "a/b.txt",
                    LinkOptions.get(Duration.ofHours(2)), now.plusSeconds(7200), EffectiveExpiry.Limit.REQUESTED,
                    url.url(), NOTE_CANARY));
            assertThat(new ShareStore(db, vault).url(share.id())).contains(url.url());
        }

        assertThat(LeakScanner.files(dir)).isNotEmpty();
        // The scan does see what is stored in the clear (no compression or encoding hides it)...
        assertThat(LeakScanner.find(dir, PROFILE_CANARY)).isNotEmpty();
        assertThat(LeakScanner.find(dir, NOTE_CANARY)).isNotEmpty();
        assertThat(LeakScanner.find(dir, "at-rest-bucket")).isNotEmpty();
        // ...and none of the secrets, in any form.
        assertThat(LeakScanner.find(dir, SECRET)).isEmpty();
        assertThat(LeakScanner.find(dir, TOKEN)).isEmpty();
        assertThat(LeakScanner.find(dir, encodedToken)).isEmpty();
        assertThat(LeakScanner.find(dir, signature)).isEmpty();
        assertThat(LeakScanner.find(dir, "at rest password")).isEmpty();
    }

    @Test
    void theScannerFindsEachFormItLooksFor(@TempDir Path probe) throws Exception {
        String secret = "s3cr3t-Ünïcode-✓-value";
        for (var form : LeakScanner.forms(secret).entrySet()) {
            for (int padding = 0; padding < 3; padding++) {
                Path file = probe.resolve(form.getKey().replace('+', '_') + padding + ".bin");
                byte[] content = new byte[padding + form.getValue().length + 5];
                System.arraycopy(form.getValue(), 0, content, padding, form.getValue().length);
                Files.write(file, content);
            }
        }
        // Base64 of the secret embedded at any offset in a longer blob is found too.
        for (int prefix = 0; prefix < 3; prefix++) {
            byte[] raw = ("x".repeat(prefix) + secret + "tail").getBytes(StandardCharsets.UTF_8);
            Files.writeString(probe.resolve("b64-" + prefix + ".txt"),
                    Base64.getEncoder().encodeToString(raw));
        }
        assertThat(LeakScanner.find(probe, secret)).hasSizeGreaterThanOrEqualTo(LeakScanner.forms(secret).size() * 3 + 3);
        for (int prefix = 0; prefix < 3; prefix++) {
            String file = "b64-" + prefix + ".txt";
            assertThat(LeakScanner.find(probe, secret)).anyMatch(hit -> hit.startsWith(file));
        }
    }
}
