package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.testing.S3ProxyServer;

/**
 * Team mode on the command line: {@code team config} keeps the login (the password encrypted), {@code --database}
 * and {@code LINKDESK_DATABASE} choose the database, links made go there, and {@code history} reads it back.
 */
class TeamConfigCliTest {
    private static final String MASTER = "team cli master password";
    private final S3ProxyServer s3 = S3ProxyServer.shared();
    @TempDir
    Path home;

    private CliRunner cli(Path data) {
        return new CliRunner().env(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY, "AWS_ENDPOINT_URL_S3", s3.endpoint(),
                "AWS_REGION", S3ProxyServer.REGION, "HOME", home.toString(), "LINKDESK_HOME", data.toString(),
                "USER", "cli-user"));
    }

    @Test
    void configKeepsThePasswordSealedAndLinksReachTheTeamHistory() throws Exception {
        PostgresCluster.Login login = PostgresCluster.shared().newDatabase();
        String bucket = s3.newBucket();
        s3.putObject(bucket, "reports/q3.pdf", "q3".getBytes(StandardCharsets.UTF_8), "application/pdf");
        Path alice = home.resolve("alice");
        Path bob = home.resolve("bob");
        for (Path data : new Path[] {alice, bob}) {
            CliRunner.Result init = cli(data).stdin(MASTER + "\n").run("init", "--password-stdin");
            assertThat(init.exitCode()).as(init.toString()).isZero();
        }
        CliRunner.Result config = cli(alice).stdin(login.password() + "\n").run("team", "config", "--url",
                login.url(), "--user", login.user(), "--password-stdin", "--display-name", "Alice");
        assertThat(config.exitCode()).as(config.toString()).isZero();
        assertThat(config.out()).contains("Team database: " + login.url()).contains("Display name: Alice")
                .contains("kept in the vault").doesNotContain(login.password());
        for (Path f : Files.list(alice).filter(Files::isRegularFile).toList()) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain(login.password());
        }

        CliRunner.Result made = cli(alice).env("LINKDESK_PASSWORD", MASTER).run("presign", "--expires", "2h",
                "s3://" + bucket + "/reports/q3.pdf");
        assertThat(made.exitCode()).as(made.toString()).isZero();
        assertThat(made.err()).doesNotContain("wait");

        // Bob: same database given with --database and PGPASSWORD, another display name.
        CliRunner.Result listed = cli(bob).env("PGUSER", login.user()).env("PGPASSWORD", login.password())
                .env("LINKDESK_DISPLAY_NAME", "Bob").run("--database", login.url(), "history", "--json");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("reports/q3.pdf").contains("\"madeBy\" : \"Alice\"");

        CliRunner.Result env = cli(bob).env("LINKDESK_DATABASE", login.url()).env("PGUSER", login.user())
                .env("PGPASSWORD", login.password()).run("history");
        assertThat(env.exitCode()).as(env.toString()).isZero();
        assertThat(env.out()).contains("reports/q3.pdf");

        // Back out of the team database: the team history exports with the personal formats.
        Path exported = home.resolve("team-history.json");
        CliRunner.Result export = cli(bob).env("PGUSER", login.user()).env("PGPASSWORD", login.password())
                .run("--database", login.url(), "history", "export", "--format", "json", exported.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(Files.readString(exported)).contains("reports/q3.pdf").contains(bucket)
                .contains("\"madeBy\" : \"Alice\"").contains("X-Amz-Signature=REDACTED");
        // ... and comes back in as a personal history.
        Path carol = home.resolve("carol");
        assertThat(cli(carol).stdin(MASTER + "\n").run("init", "--password-stdin").exitCode()).isZero();
        CliRunner.Result in = cli(carol).run("history", "import", exported.toString());
        assertThat(in.exitCode()).as(in.toString()).isZero();
        assertThat(cli(carol).run("history").out()).contains("reports/q3.pdf");

        CliRunner.Result off = cli(alice).run("team", "config", "--off");
        assertThat(off.out()).contains("Team mode is off");
        CliRunner.Result shown = cli(alice).run("team", "config");
        assertThat(shown.out()).contains("Team mode: off").contains("Display name: Alice");
    }

    @Test
    void aBadUrlIsOneLineAndChangesNothing() {
        Path data = home.resolve("x");
        CliRunner.Result r = cli(data).run("team", "config", "--url", "mysql://db/x");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("jdbc:postgresql://");
        CliRunner.Result flag = cli(data).run("--database", "postgres://db/x", "history");
        assertThat(flag.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(flag.errLines()).hasSize(1);
    }
}
