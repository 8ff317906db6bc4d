package org.linkdesk.shares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.Database;

/** The service against the real embedded database, with a clock the test moves. */
class ProtectedShareServiceTest {
    static final PasswordHasher FAST = new PasswordHasher(1024, 1, 1);
    @TempDir
    Path dir;
    Database database;
    SqlProtectedShareStore store;
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    ProtectedShareService service;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        store = new SqlProtectedShareStore(database);
        service = new ProtectedShareService(store, FAST, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    ProtectedShare make(String owner, Duration expires, Integer max, String password) {
        return service.create(new NewProtectedShare(owner, "bucket", "dir/file name.pdf", null, 10L, expires, max,
                password == null ? null : password.toCharArray(), " note "));
    }

    @Test
    void createListFindPerOwner() {
        ProtectedShare a = make("alice", Duration.ofHours(3), 2, "pw");
        clock.advance(Duration.ofSeconds(1));
        ProtectedShare b = make("bob", Duration.ofDays(2), null, null);
        assertThat(a.fileName()).isEqualTo("file name.pdf");
        assertThat(a.note()).isEqualTo("note");
        assertThat(a.expiresAt()).isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(service.list(null)).extracting(ProtectedShare::id).containsExactly(b.id(), a.id());
        assertThat(service.list("alice")).extracting(ProtectedShare::id).containsExactly(a.id());
        assertThat(service.find(a.id()).orElseThrow().passwordProtected()).isTrue();
        assertThat(service.find(b.id()).orElseThrow().passwordProtected()).isFalse();
        assertThat(service.find("nope")).isEmpty();
    }

    @Test
    void expiryEditRevokeAndPurge() {
        ProtectedShare s = make("alice", Duration.ofHours(1), 1, null);
        assertThat(service.download(s.id(), null, "10.0.0.1", "ua")).isInstanceOf(DownloadOutcome.Granted.class);
        assertThat(service.download(s.id(), null, "10.0.0.1", "ua"))
                .isEqualTo(new DownloadOutcome.Gone(ShareState.USED_UP));
        service.edit(s.id(), new ShareChanges(null, 0, null, null));
        assertThat(service.find(s.id()).orElseThrow().maxDownloads()).isNull();
        assertThat(service.download(s.id(), null, "10.0.0.1", "ua")).isInstanceOf(DownloadOutcome.Granted.class);
        clock.advance(Duration.ofHours(1));
        assertThat(service.download(s.id(), null, "10.0.0.1", "ua"))
                .isEqualTo(new DownloadOutcome.Gone(ShareState.EXPIRED));
        service.edit(s.id(), new ShareChanges(Duration.ofDays(1), null, null, null));
        assertThat(service.find(s.id()).orElseThrow().state(clock.instant())).isEqualTo(ShareState.ACTIVE);
        service.revoke(s.id());
        assertThat(service.download(s.id(), null, "10.0.0.1", "ua"))
                .isEqualTo(new DownloadOutcome.Gone(ShareState.REVOKED));

        ProtectedShare old = make("bob", Duration.ofMinutes(1), null, null);
        clock.advance(Duration.ofMinutes(2));
        assertThat(service.purgeExpired()).isEqualTo(1);
        assertThat(service.find(old.id())).isEmpty();
        assertThat(service.find(s.id())).isPresent();
        assertThatThrownBy(() -> service.revoke(old.id())).isInstanceOf(ShareNotFoundException.class);
    }

    @Test
    void passwordsAreArgon2idRehashedWhenParametersChangeAndEditable() {
        ProtectedShare s = make("alice", Duration.ofHours(1), null, "old pw");
        String hash = store.find(s.id()).orElseThrow().passwordHash();
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("old pw");
        assertThat(service.download(s.id(), "nope".toCharArray(), "ip", null))
                .isEqualTo(new DownloadOutcome.WrongPassword(true));
        assertThat(service.download(s.id(), null, "ip", null)).isEqualTo(new DownloadOutcome.WrongPassword(false));

        ProtectedShareService stronger = new ProtectedShareService(store, new PasswordHasher(2048, 2, 1), clock);
        assertThat(stronger.download(s.id(), "old pw".toCharArray(), "ip", null))
                .isInstanceOf(DownloadOutcome.Granted.class);
        assertThat(store.find(s.id()).orElseThrow().passwordHash()).startsWith("$argon2id$v=19$m=2048,t=2,p=1$");
        assertThat(service.download(s.id(), "old pw".toCharArray(), "ip", null))
                .isInstanceOf(DownloadOutcome.Granted.class);

        service.edit(s.id(), new ShareChanges(null, null, ShareChanges.PasswordChange.SET, "new".toCharArray()));
        assertThat(service.download(s.id(), "old pw".toCharArray(), "ip", null))
                .isInstanceOf(DownloadOutcome.WrongPassword.class);
        service.edit(s.id(), new ShareChanges(null, null, ShareChanges.PasswordChange.REMOVE, null));
        assertThat(service.download(s.id(), null, "ip", null)).isInstanceOf(DownloadOutcome.Granted.class);
        assertThat(service.downloads(s.id())).hasSize(3)
                .allSatisfy(d -> assertThat(d.ipHash()).isEqualTo(service.downloads(s.id()).get(0).ipHash()));
    }

    @Test
    void invalidInputIsRefusedWithClearMessages() {
        assertThatThrownBy(() -> make("alice", Duration.ofDays(400), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 minute to 365 days");
        assertThatThrownBy(() -> make("alice", Duration.ofHours(1), 0, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("download limit");
        assertThatThrownBy(() -> make(" ", Duration.ofHours(1), null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.setPublicUrl("ftp://x")).isInstanceOf(InvalidInputException.class);
        assertThat(service.setPublicUrl("https://share.example.com/")).isEqualTo("https://share.example.com");
        assertThat(service.publicUrlIfAbsent("http://127.0.0.1:8080")).isEqualTo("https://share.example.com");
        assertThat(service.download("unknown", "x".toCharArray(), "ip", null))
                .isInstanceOf(DownloadOutcome.NotFound.class);
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
