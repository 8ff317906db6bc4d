package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.store.Settings;
import org.linkdesk.store.ShareJournal;
import org.linkdesk.team.DisplayName;
import org.linkdesk.team.TeamOutboxes;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.testing.S3ProxyServer;
import org.linkdesk.wiring.Services;

/** {@code linkdesk team status|push|import-history}, and links made on the command line in team mode. */
class TeamCliTest {
    private static final String PASSWORD = "team cli password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final S3ProxyServer s3 = S3ProxyServer.shared();
    private final PostgresCluster cluster = PostgresCluster.shared();
    @TempDir
    Path dataDir;
    private PostgresCluster.Login login;
    private String bucket;

    @BeforeEach
    void setUp() {
        login = cluster.newDatabase();
        bucket = s3.newBucket();
        for (String key : List.of("a.txt", "b.txt", "c.txt", "d.txt")) {
            s3.putObject(bucket, key, new byte[] {1}, "text/plain");
        }
        try (Services services = Services.open(dataDir)) {
            services.vault().create(PASSWORD.toCharArray());
        }
    }

    private void teamMode() {
        try (Services services = Services.open(dataDir)) {
            new Settings(services.database(), TeamOutboxes.URL_SETTING).write(login.url());
            new Settings(services.database(), DisplayName.SETTING).write("grace");
        }
    }

    private CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return new CliRunner().env(Map.of("LINKDESK_PASSWORD", PASSWORD, "PGUSER", login.user(),
                "PGPASSWORD", login.password(), "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY, "AWS_ENDPOINT_URL_S3", s3.endpoint(),
                "AWS_REGION", S3ProxyServer.REGION)).run(all.toArray(String[]::new));
    }

    private List<String> teamKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        try (var c = DriverManager.getConnection(login.url(), login.user(), login.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT object_key || ' by ' || made_by FROM share ORDER BY id")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    @Test
    void personalModeSaysSoAndPushAsksForADatabase() throws Exception {
        CliRunner.Result status = run("team", "status", "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(JSON.readTree(status.out()).get("teamMode").asBoolean()).isFalse();
        CliRunner.Result push = run("team", "push");
        assertThat(push.exitCode()).as(push.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(push.errLines()).hasSize(1);
        assertThat(push.err()).contains("No team database is set");
        assertThat(dataDir.resolve(ShareJournal.TEAM_MODE_FILE_NAME)).doesNotExist();
    }

    @Test
    void linksMadeInTeamModeReachTheTeamAndWaitWhileItIsDown() throws Exception {
        teamMode();
        CliRunner.Result made = run("presign", "s3://" + bucket + "/a.txt");
        assertThat(made.exitCode()).as(made.toString()).isZero();
        assertThat(made.err()).isEmpty();
        assertThat(made.out()).startsWith(s3.endpoint()).contains("a.txt?");
        assertThat(teamKeys()).containsExactly("a.txt by grace");
        assertThat(dataDir.resolve(ShareJournal.TEAM_MODE_FILE_NAME)).exists();

        CliRunner.Result status = run("team", "status", "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode s = JSON.readTree(status.out());
        assertThat(s.get("url").asText()).isEqualTo(login.url());
        assertThat(s.get("user").asText()).isEqualTo(login.user());
        assertThat(s.get("reachable").asBoolean()).isTrue();
        assertThat(s.get("schemaVersion").asText()).isNotBlank();
        assertThat(s.get("displayName").asText()).isEqualTo("grace");
        assertThat(s.get("waiting").asLong()).isZero();
        assertThat(status.out()).doesNotContain(login.password());

        cluster.stop();
        try {
            CliRunner.Result offline = run("presign", "s3://" + bucket + "/b.txt", "s3://" + bucket + "/c.txt");
            assertThat(offline.exitCode()).as(offline.toString()).isZero();
            assertThat(offline.out().lines()).hasSize(2);
            assertThat(offline.errLines()).containsExactly("linkdesk: offline — 2 links waiting; they are sent on "
                    + "the next run (or with 'linkdesk team push').");
            CliRunner.Result down = run("team", "status");
            assertThat(down.exitCode()).as(down.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(down.out()).contains("Reachable:     no — The team database at " + login.url()
                    + " cannot be reached").contains("Waiting here:  2 links");
            CliRunner.Result failedPush = run("team", "push");
            assertThat(failedPush.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(failedPush.errLines()).hasSize(1);
            assertThat(failedPush.err()).startsWith("linkdesk: offline — 2 links wait on this computer: The team "
                    + "database at " + login.url() + " cannot be reached.");
        } finally {
            cluster.restart();
        }
        CliRunner.Result push = run("team", "push");
        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(push.out()).isEqualTo("Sent 2 links; none waiting." + System.lineSeparator());
        assertThat(teamKeys()).containsExactly("a.txt by grace", "b.txt by grace", "c.txt by grace");
        assertThat(run("team", "push").out()).startsWith("Sent 0 links; none waiting.");
    }

    @Test
    void importHistoryCopiesThePersonalHistoryOnceAndSaysWhatItDid() throws Exception {
        for (String key : List.of("a.txt", "b.txt", "c.txt")) {
            assertThat(run("presign", "s3://" + bucket + "/" + key).exitCode()).isZero();
        }
        teamMode();
        assertThat(run("presign", "s3://" + bucket + "/d.txt").exitCode()).isZero();

        CliRunner.Result first = run("team", "import-history", "--json");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        JsonNode o = JSON.readTree(first.out());
        assertThat(o.get("total").asLong()).isEqualTo(4);
        assertThat(o.get("added").asLong()).isEqualTo(3);
        assertThat(o.get("skipped").asLong()).isEqualTo(1);
        assertThat(o.get("madeBy").asText()).isEqualTo("grace");
        CliRunner.Result again = run("team", "import-history");
        assertThat(again.out()).isEqualTo("Copied 4 links into the team database: 0 new, 4 already there."
                + System.lineSeparator());
        assertThat(teamKeys()).containsExactlyInAnyOrder("a.txt by grace", "b.txt by grace", "c.txt by grace",
                "d.txt by grace");
        assertThat(Files.exists(dataDir.resolve(ShareJournal.TEAM_MODE_FILE_NAME))).isTrue();
    }
}
