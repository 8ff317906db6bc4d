package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.PasswordHasher;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.shares.SqlProtectedShareStore;
import org.linkdesk.testing.PostgresCluster;

/** The team schema on a real PostgreSQL server: from empty, from the previous version, and the errors users see. */
class TeamDatabaseTest {
    private final PostgresCluster cluster = PostgresCluster.shared();

    private static TeamDatabase open(PostgresCluster.Login login) {
        return TeamDatabase.open(new TeamConnection(login.url(), login.user(), login.password()), 4);
    }

    @Test
    void migratesAnEmptyDatabaseWithTrigramSearch() {
        PostgresCluster.Login login = cluster.newDatabase();
        try (TeamDatabase db = open(login)) {
            db.migrate();
            String plan = db.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")) {
                    assertThat(rs.next()).isTrue();
                }
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = "
                             + "'share_search_trgm_idx'")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(plan).contains("gin").contains("gin_trgm_ops");
        }
    }

    @Test
    void migratesFromThePreviousVersionKeepingRows() {
        PostgresCluster.Login login = cluster.newDatabase();
        Flyway.configure().dataSource(login.url(), login.user(), login.password()).locations(TeamDatabase.LOCATION)
                .table("linkdesk_schema_history").target("1").load().migrate();
        UUID uid = UUID.randomUUID();
        try (TeamDatabase db = open(login)) {
            // Written straight through JDBC: the pool would migrate to the current version first.
            try (var c = java.sql.DriverManager.getConnection(login.url(), login.user(), login.password());
                 PreparedStatement ps = c.prepareStatement("INSERT INTO share (uid, made_by, created_at, region, "
                         + "bucket, object_key, method, options, requested_expiry_seconds, expires_at, "
                         + "expiry_limited_by, url_redacted, note) VALUES (?, 'alice', now(), 'us-east-1', 'b', "
                         + "'Reports/Q3 Budget.pdf', 'GET', '{}', 3600, now(), 'REQUESTED', 'https://x', 'for Bob')")) {
                ps.setObject(1, uid);
                ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            String found = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT made_by FROM share WHERE search_text LIKE ?")) {
                    ps.setString(1, "%q3 budget%");
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            assertThat(found).isEqualTo("alice");
        }
    }

    @Test
    void protectedSharesRunOnPostgresUnchanged() {
        PostgresCluster.Login login = cluster.newDatabase();
        try (TeamDatabase db = open(login)) {
            ProtectedShareService service = new ProtectedShareService(new SqlProtectedShareStore(db),
                    new PasswordHasher(1024, 1, 1), Clock.systemUTC());
            ProtectedShare share = service.create(new NewProtectedShare("alice", "bucket", "q3.pdf", null, 10L,
                    Duration.ofHours(1), 2, null, null));
            assertThat(service.find(share.id())).isPresent();
            assertThat(service.list("alice")).extracting(ProtectedShare::id).containsExactly(share.id());
        }
    }

    @Test
    void aServerThatIsNotThereSaysSoAndIsMarkedUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (TeamDatabase db = TeamDatabase.open(new TeamConnection("jdbc:postgresql://127.0.0.1:" + port + "/x",
                "u", "p"), 2)) {
            assertThatThrownBy(db::migrate).isInstanceOfSatisfying(TeamDatabaseException.class,
                    e -> assertThat(e.unreachable()).isTrue()).hasMessageContaining("cannot be reached");
        }
    }

    @Test
    void aWrongPasswordIsALoginErrorThatDoesNotShowThePassword() {
        PostgresCluster.Login login = cluster.newDatabase();
        try (TeamDatabase db = TeamDatabase.open(new TeamConnection(login.url(), login.user(), "wrong-secret"), 2)) {
            assertThatThrownBy(db::migrate).isInstanceOfSatisfying(TeamDatabaseException.class,
                    e -> assertThat(e.unreachable()).isFalse()).hasMessageContaining("refused the login")
                    .hasMessageNotContaining("wrong-secret");
        }
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedWithoutEchoingAPassword() {
        assertThatThrownBy(() -> new TeamConnection("jdbc:mysql://h/db?password=hunter2", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    }
}
