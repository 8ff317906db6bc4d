package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.testing.S3ProxyServer;

/** {@code linkdesk share …} of two machines (two data directories) on one team database. */
class TeamShareCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final S3ProxyServer s3 = S3ProxyServer.shared();
    private final PostgresCluster.Login login = PostgresCluster.shared().newDatabase();
    @TempDir
    Path dir;

    /** Machine {@code name}; the team database from {@code --database} when {@code option}, else LINKDESK_DATABASE. */
    private CliRunner.Result run(String name, boolean option, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY, "AWS_ENDPOINT_URL_S3", s3.endpoint(),
                "AWS_REGION", S3ProxyServer.REGION, "PGUSER", login.user(), "PGPASSWORD", login.password()));
        String[] head = option ? new String[] {"--data-dir", dir.resolve(name).toString(), "--database", login.url()}
                : new String[] {"--data-dir", dir.resolve(name).toString()};
        if (!option) {
            env.put("LINKDESK_DATABASE", login.url());
        }
        String[] all = new String[head.length + args.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(args, 0, all, head.length, args.length);
        return new CliRunner().env(env).run(all);
    }

    @Test
    void aLinkMadeOnOneMachineIsListedAndRevokedOnTheOther() throws Exception {
        String bucket = s3.newBucket();
        s3.putObject(bucket, "q3.pdf", "pdf".getBytes(StandardCharsets.UTF_8), "application/pdf");
        assertThat(run("alice", true, "share", "config", "--public-url", "https://share.example.com").exitCode())
                .isZero();
        CliRunner.Result made = run("alice", true, "share", "create", "--json", "--max-downloads", "3",
                "s3://" + bucket + "/q3.pdf");
        assertThat(made.exitCode()).as(made.toString()).isZero();
        String id = JSON.readTree(made.out()).get("id").asText();

        JsonNode onBob = JSON.readTree(run("bob", false, "share", "list", "--json").out());
        assertThat(onBob).singleElement().satisfies(row -> assertThat(row.get("id").asText()).isEqualTo(id));
        CliRunner.Result revoked = run("bob", false, "share", "revoke", id);
        assertThat(revoked.out()).as(revoked.toString()).contains("Revoked");
        assertThat(JSON.readTree(run("alice", true, "share", "list", "--json").out()).get(0).get("status").asText())
                .isEqualTo("revoked");
        // Without a team database the machine has its own, empty, set of protected links.
        CliRunner.Result personal = new CliRunner().run("--data-dir", dir.resolve("alice").toString(), "share",
                "list");
        assertThat(personal.out()).contains("No protected links yet");
    }

    @Test
    void aDatabaseThatIsNotPostgresIsAOneLineUsageError() {
        CliRunner.Result wrong = new CliRunner().run("--data-dir", dir.resolve("x").toString(), "--database",
                "jdbc:h2:/tmp/x", "share", "list");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.errLines()).singleElement().asString().contains("jdbc:postgresql://");
    }
}
