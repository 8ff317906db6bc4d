package org.linkdesk.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.profiles.BucketRegions;
import org.linkdesk.profiles.ConnectionTest;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.profiles.SecretKeychain;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.store.Database;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.Vault;
import org.linkdesk.ui.tasks.DirectTaskRunner;

/** Effective expiry with expiring credentials, region discovery and the clock warning, against a local server. */
class RealAccountLinkFormTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    @TempDir
    static Path dir;
    static Database db;
    static Vault vault;
    static ProfileService profiles;
    static ShareStore shares;
    static ScriptedHttpServer server;
    static final AtomicReference<AwsCredentials> awsAnswer = new AtomicReference<>();

    @BeforeAll
    static void open() throws Exception {
        db = Database.open(dir);
        vault = new Vault(db);
        vault.create("form test password".toCharArray());
        profiles = new ProfileService(db, vault, SecretKeychain.none("test"), (name, files) -> awsAnswer.get(),
                new AwsConfigFiles(dir.resolve("c"), dir.resolve("f")));
        shares = new ShareStore(db, vault);
        server = new ScriptedHttpServer();
    }

    @AfterAll
    static void close() throws Exception {
        server.close();
        db.close();
    }

    private LinkFormViewModel form(Profile p) {
        Clock clock = Clock.systemUTC();
        // One client, as the app's Services.s3() gives: the clock warning reads the server date the last request saw.
        S3Http http = new S3Http(Duration.ofSeconds(5), Duration.ofSeconds(5));
        return new LinkFormViewModel(new LinkService(new SigV4Presigner(clock), shares, clock), profiles,
                () -> http, new DirectTaskRunner(), text -> { }, clock,
                ZONE, new SimpleObjectProperty<>(p), new BucketRegions(db));
    }

    @Test
    void expiringSsoCredentialsCapTheLinkAndSayWhy() {
        Instant ends = Instant.now().plus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        awsAnswer.set(new AwsCredentials("ASIAFAKE", "fakeSecret", "fakeToken", ends));
        // No SSO config file here, so the source is named generically; the kind-specific wording is covered below.
        Profile p = profiles.create(ProfileDraft.awsReference("sso-form", "dev-sso", "eu-west-1", null, false));
        SimpleObjectProperty<Profile> selected = new SimpleObjectProperty<>();
        Clock clock = Clock.systemUTC();
        LinkFormViewModel vm = new LinkFormViewModel(new LinkService(new SigV4Presigner(clock), shares, clock),
                profiles, () -> new S3Http(Duration.ofSeconds(5), Duration.ofSeconds(5)), new DirectTaskRunner(),
                text -> { }, clock, ZONE, selected, new BucketRegions(db));
        assertThat(vm.expiryWarningProperty().get()).isNull();
        selected.set(p); // resolves the credentials in the background and learns their expiry
        String time = ZonedDateTime.ofInstant(ends, ZONE).format(DateTimeFormatter.ofPattern("HH:mm"));
        assertThat(vm.expiryWarningProperty().get()).contains(time).endsWith(", so this link dies then.");
        assertThat(vm.expirySummaryProperty().get()).contains(time);

        vm.bucketProperty().set("reports");
        vm.keyProperty().set("q1.pdf");
        vm.generate();
        assertThat(vm.urlProperty().get()).contains("X-Amz-Security-Token=fakeToken");
        var share = shares.newest(1, 0).get(0);
        assertThat(share.expiresAt()).isEqualTo(ends);
        assertThat(share.expiryLimitedBy()).isEqualTo(EffectiveExpiry.Limit.CREDENTIALS);
        assertThat(share.profileName()).isEqualTo("sso-form");
        assertThat(vm.linkSummaryProperty().get()).contains("Shorter than asked").contains(time);
    }

    @Test
    void explanationsInPlainWords() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        EffectiveExpiry e = EffectiveExpiry.compute(now, Duration.ofHours(12), Instant.parse("2026-11-28T16:40:00Z"),
                null);
        assertThat(ExpiryExplanation.warning(e, "your SSO session", ZONE, now))
                .isEqualTo("Your SSO session ends at 17:40, so this link dies then.");
        assertThat(ExpiryExplanation.warning(e, "the credentials from credential_process", ZONE, now))
                .isEqualTo("The credentials from credential_process expire at 17:40, so this link dies then.");
        EffectiveExpiry tomorrow = EffectiveExpiry.compute(now, Duration.ofDays(3),
                Instant.parse("2026-11-29T08:00:00Z"), null);
        assertThat(ExpiryExplanation.warning(tomorrow, "the assumed role's session", ZONE, now))
                .isEqualTo("The assumed role's session ends on Sun 29 Nov at 09:00, so this link dies then.");
        EffectiveExpiry capped = EffectiveExpiry.compute(now, Duration.ofDays(3), null, Duration.ofHours(1));
        assertThat(ExpiryExplanation.warning(capped, null, ZONE, now)).startsWith("The storage provider caps");
        assertThat(ExpiryExplanation.warning(EffectiveExpiry.compute(now, Duration.ofHours(1), null, null), null,
                ZONE, now)).isNull();
    }

    @Test
    void wrongRegionIsOfferedRememberedAndUsed() {
        Profile p = profiles.create(new ProfileDraft("regional", "AKIAREGION", "regionSecret", null, false,
                "us-east-1", server.endpoint(), true));
        LinkFormViewModel vm = form(p);
        String tenMinutesAgo = HTTP_DATE.format(ZonedDateTime.now(ZoneId.of("GMT")).minusMinutes(10).minusSeconds(30));
        server.answer = "HTTP/1.1 301 Moved Permanently\r\nx-amz-bucket-region: eu-west-2\r\nDate: " + tenMinutesAgo
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        vm.bucketProperty().set("far-bucket");
        vm.keyProperty().set("a.txt");
        vm.verify();
        assertThat(vm.regionSuggestionProperty().get()).isEqualTo("eu-west-2");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.clockWarningProperty().get()).startsWith("This computer's clock is 10 minutes ahead of the "
                + "server's");

        String now = HTTP_DATE.format(ZonedDateTime.now(ZoneId.of("GMT")));
        server.answer = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\nDate: " + now
                + "\r\nConnection: close\r\n\r\n";
        server.requests.clear();
        vm.acceptRegionSuggestion(); // remembers the region and checks again
        assertThat(new BucketRegions(db).find(p.id(), "far-bucket")).hasValue("eu-west-2");
        assertThat(server.requests).isNotEmpty();
        assertThat(server.requests.get(0)).contains("/eu-west-2/s3/aws4_request");
        assertThat(vm.objectInfoProperty().get()).isNotNull();
        assertThat(vm.clockWarningProperty().get()).isNull();

        // Links for that bucket are now signed for its region.
        vm.generate();
        assertThat(vm.urlProperty().get()).contains("%2Feu-west-2%2Fs3%2Faws4_request");
    }

    @Test
    void connectionTestNamesTheBucketRegionAndTheClock() {
        Profile p = profiles.create(new ProfileDraft("tester", "AKIATEST", "testSecret", null, false,
                "us-east-1", server.endpoint(), true));
        String behind = HTTP_DATE.format(ZonedDateTime.now(ZoneId.of("GMT")).plusMinutes(7).plusSeconds(30));
        server.answer = "HTTP/1.1 200 OK\r\nx-amz-bucket-region: ap-south-1\r\nDate: " + behind
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        ConnectionTest.Result r = new ConnectionTest(profiles, new S3Http(Duration.ofSeconds(5),
                Duration.ofSeconds(5))).run(p, "some-bucket");
        assertThat(r.ok()).isTrue();
        assertThat(r.message()).startsWith("OK — bucket some-bucket is reachable; it is in region ap-south-1");
        assertThat(r.bucketRegion()).isEqualTo("ap-south-1");
        assertThat(r.clockWarning()).startsWith("This computer's clock is 7 minutes behind the server's");

        server.answer = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nConnection: close\r\nContent-Length: "
                + LIST.length() + "\r\n\r\n" + LIST;
        ConnectionTest.Result list = new ConnectionTest(profiles, new S3Http(Duration.ofSeconds(5),
                Duration.ofSeconds(5))).run(p, null);
        assertThat(list.message()).isEqualTo("OK — 2 buckets");
        assertThat(list.clockWarning()).isNull();
    }

    private static final String LIST = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult><Owner><ID>x"
            + "</ID></Owner><Buckets><Bucket><Name>a</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate>"
            + "</Bucket><Bucket><Name>b</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>"
            + "</Buckets></ListAllMyBucketsResult>";

}
