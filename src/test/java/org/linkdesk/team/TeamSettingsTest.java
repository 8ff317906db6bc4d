package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;
import org.linkdesk.team.TeamSettings.Source;
import org.linkdesk.testing.PostgresCluster;

/** The order in which the team URL, user, password and display name are looked up, and how they are kept. */
class TeamSettingsTest {
    private static final String URL = "jdbc:postgresql://db.example.com:5433/team";
    @TempDir
    Path dir;
    private Database database;
    private Vault vault;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("data"));
        vault = new Vault(database);
        vault.create("master password".toCharArray());
        env.put("HOME", dir.toString());
        env.put("USER", "carol");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private TeamSettings settings() {
        return new TeamSettings(database, vault, env, "Linux", "/nonexistent-home", "jvmuser");
    }

    @Test
    void noUrlAnywhereIsPersonalMode() {
        assertThat(settings().resolve(null)).isEmpty();
        assertThat(settings().displayName()).isEqualTo("carol");
    }

    @Test
    void theCommandLineBeatsTheEnvironmentWhichBeatsTheStoredUrl() {
        settings().save(URL, "alice", null, "Alice A.");
        assertThat(settings().resolve(null).orElseThrow().urlSource()).isEqualTo(Source.SETTINGS);
        env.put("LINKDESK_DATABASE", "jdbc:postgresql://env.example.com/team");
        var fromEnv = settings().resolve(null).orElseThrow();
        assertThat(fromEnv.urlSource()).isEqualTo(Source.ENVIRONMENT);
        assertThat(fromEnv.connection().url()).isEqualTo("jdbc:postgresql://env.example.com/team");
        var fromFlag = settings().resolve("jdbc:postgresql://flag.example.com/team").orElseThrow();
        assertThat(fromFlag.urlSource()).isEqualTo(Source.COMMAND_LINE);
        assertThat(fromFlag.connection().url()).isEqualTo("jdbc:postgresql://flag.example.com/team");
        assertThat(fromFlag.displayName()).isEqualTo("Alice A.");
        env.put("LINKDESK_DISPLAY_NAME", "Ally");
        assertThat(settings().displayName()).isEqualTo("Ally");
    }

    @Test
    void userFromPgUserThenSettingsThenTheUrl() {
        settings().save("jdbc:postgresql://db.example.com/team?user=urluser", null, null, null);
        var r = settings().resolve(null).orElseThrow();
        assertThat(r.userSource()).isEqualTo(Source.URL);
        assertThat(r.connection().user()).isNull();
        settings().save("jdbc:postgresql://db.example.com/team?user=urluser", "stored", null, null);
        assertThat(settings().resolve(null).orElseThrow().connection().user()).isEqualTo("stored");
        env.put("PGUSER", "envuser");
        r = settings().resolve(null).orElseThrow();
        assertThat(r.userSource()).isEqualTo(Source.ENVIRONMENT);
        assertThat(r.connection().user()).isEqualTo("envuser");
    }

    @Test
    void passwordFromPgPasswordThenThePasswordFileUnderHomeThenTheVault() throws Exception {
        settings().save(URL, "alice", "from-vault".toCharArray(), null);
        var r = settings().resolve(null).orElseThrow();
        assertThat(r.passwordSource()).isEqualTo(Source.VAULT);
        assertThat(r.connection().password()).isEqualTo("from-vault");

        Path pgpass = dir.resolve(".pgpass");
        Files.writeString(pgpass, "# comment\nother.example.com:*:*:*:nope\n"
                + "db.example.com:5433:team:alice:from\\:file\n", StandardCharsets.UTF_8);
        r = settings().resolve(null).orElseThrow();
        assertThat(r.passwordSource()).isEqualTo(Source.PASSWORD_FILE);
        assertThat(r.connection().password()).isEqualTo("from:file");

        env.put("PGPASSWORD", "from-env");
        r = settings().resolve(null).orElseThrow();
        assertThat(r.passwordSource()).isEqualTo(Source.ENVIRONMENT);
        assertThat(r.connection().password()).isEqualTo("from-env");
        assertThat(r.toString()).doesNotContain("from-env");
    }

    @Test
    void pgPassFileVariableWinsAndWildcardsMatch() throws Exception {
        Path file = dir.resolve("elsewhere.pgpass");
        Files.writeString(file, "*:*:team:*:wild\n", StandardCharsets.UTF_8);
        env.put("PGPASSFILE", file.toString());
        settings().save(URL, null, null, null);
        var r = settings().resolve(null).orElseThrow();
        assertThat(r.passwordSource()).isEqualTo(Source.PASSWORD_FILE);
        assertThat(r.connection().password()).isEqualTo("wild");
    }

    @Test
    void thePasswordIsKeptSealedAndOpensOnlyWhileTheVaultIsUnlocked() throws Exception {
        settings().save(URL, "alice", "s3cret-team-pass".toCharArray(), null);
        assertThat(settings().stored()).isEqualTo(new TeamSettings.Stored(URL, "alice", null, true));
        String kept = database.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT setting_value FROM settings WHERE setting_name = 'team.database_password_sealed'")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(kept).doesNotContain("s3cret");
        database.close();
        for (Path f : Files.list(dir.resolve("data")).toList()) {
            if (Files.isRegularFile(f)) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
            }
        }
        database = Database.open(dir.resolve("data"));
        vault = new Vault(database);
        var locked = settings().resolve(null).orElseThrow();
        assertThat(locked.passwordSource()).isEqualTo(Source.VAULT_LOCKED);
        assertThat(locked.connection().password()).isNull();
        vault.unlock("master password".toCharArray());
        assertThat(settings().vaultPassword()).contains("s3cret-team-pass");
        // null keeps the kept password, empty removes it
        settings().save(URL, "alice", null, "Alice");
        assertThat(settings().vaultPassword()).contains("s3cret-team-pass");
        settings().save(URL, "alice", new char[0], "Alice");
        assertThat(settings().vaultPassword()).isEmpty();
    }

    @Test
    void offForgetsUrlAndPasswordButKeepsTheName() {
        settings().save(URL, "alice", "pw".toCharArray(), "Alice");
        settings().turnOff();
        assertThat(settings().resolve(null)).isEmpty();
        assertThat(settings().stored()).isEqualTo(new TeamSettings.Stored(null, "alice", "Alice", false));
    }

    @Test
    void refusesWhatItCannotUseAndChangesNothing() {
        settings().save(URL, "alice", null, "Alice");
        assertThatThrownBy(() -> settings().save("mysql://x/y", "bob", null, "Bob"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> settings().save("jdbc:postgresql://h/db?password=oops", "bob", null, "Bob"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Leave the password out")
                .hasMessageNotContaining("oops");
        assertThatThrownBy(() -> settings().save(URL, "bob", null, "two\nlines"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(settings().stored()).isEqualTo(new TeamSettings.Stored(URL, "alice", "Alice", false));
    }

    @Test
    void logsInToARealServerWithThePasswordFileOrTheVault() throws Exception {
        PostgresCluster.Login login = PostgresCluster.shared().newDatabase();
        settings().save(login.url(), login.user(), null, null);
        Path pgpass = dir.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:" + login.database() + ":" + login.user() + ":" + login.password() + "\n");
        assertThat(query(settings().resolve(null).orElseThrow().connection())).isEqualTo(1);
        Files.delete(pgpass);
        settings().save(login.url(), login.user(), login.password().toCharArray(), null);
        vault.lock();
        // Opened while locked (the window asks for the master password later): the password is asked per login.
        TeamSettings later = settings();
        TeamConnection c = later.resolve(null).orElseThrow().connection();
        try (TeamDatabase db = TeamDatabase.open(c, 2, () -> later.vaultPassword().orElse(null))) {
            assertThatThrownBy(db::migrate).isInstanceOf(TeamDatabaseException.class)
                    .hasMessageContaining("asks for a password");
            vault.unlock("master password".toCharArray());
            int one = db.read(conn -> {
                try (var s = conn.createStatement(); var rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(one).isEqualTo(1);
        }
    }

    private static int query(TeamConnection connection) {
        try (TeamDatabase db = TeamDatabase.open(connection, 2)) {
            return db.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }
    }
}
