package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.PasswordHasher;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.SqlProtectedShareStore;
import org.linkdesk.store.Database;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.StoreException;
import org.linkdesk.store.Vault;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.testing.TeamOutboxStandIn;

/** Protected shares on a real PostgreSQL server: the settings race, the ties by uid, times, and a failed record. */
class TeamProtectedSharesTest {
    private static final PasswordHasher FAST = new PasswordHasher(1024, 1, 1);
    private static final String SALT = "gateway.ip_hash_salt";
    private final PostgresCluster cluster = PostgresCluster.shared();
    @TempDir
    Path dir;

    private static TeamDatabase open(PostgresCluster.Login login, int size) {
        return TeamDatabase.open(new TeamConnection(login.url(), login.user(), login.password()), size);
    }

    @Test
    void gatewaysStartingTogetherAgreeOnOneSalt() throws Exception {
        PostgresCluster.Login login = cluster.newDatabase();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try (TeamDatabase one = open(login, 8); TeamDatabase two = open(login, 8)) {
            one.migrate();
            CyclicBarrier together = new CyclicBarrier(16);
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                SqlProtectedShareStore store = new SqlProtectedShareStore(i % 2 == 0 ? one : two);
                String mine = "salt-" + i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return store.settingIfAbsent(SALT, mine);
                }, threads));
            }
            List<String> stored = answers.stream().map(CompletableFuture::join).distinct().toList();
            assertThat(stored).hasSize(1);
            assertThat(new SqlProtectedShareStore(two).setting(SALT)).hasValue(stored.get(0));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aGatewayWaitingOnAnotherOnesUncommittedSaltTakesThatSalt() throws Exception {
        PostgresCluster.Login login = cluster.newDatabase();
        try (TeamDatabase team = open(login, 2);
             Connection first = DriverManager.getConnection(login.url(), login.user(), login.password())) {
            team.migrate();
            first.setAutoCommit(false);
            try (Statement s = first.createStatement()) {
                s.execute("INSERT INTO settings (setting_name, setting_value) VALUES ('" + SALT + "', 'first')");
            }
            CompletableFuture<String> second = CompletableFuture.supplyAsync(
                    () -> new SqlProtectedShareStore(team).settingIfAbsent(SALT, "second"));
            waitUntilSomeoneWaitsForALock(login);
            first.commit();
            assertThat(second.join()).isEqualTo("first");
        }
    }

    @Test
    void aRowArrivingBeforeTheShareIsTiedAtOnceAndTimesKeepMicroseconds() throws Exception {
        PostgresCluster.Login login = cluster.newDatabase();
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00.123456789Z"), ZoneOffset.UTC);
        try (TeamDatabase team = open(login, 2); Database local = Database.open(dir)) {
            TeamProtectedShares shares = new TeamProtectedShares(team, FAST, clock);
            shares.service().setPublicUrl("https://share.example.com");
            ShareStore localHistory = new ShareStore(local, new Vault(local));
            UUID uid = UUID.randomUUID();
            // A history row with this uid is already in the team database (e.g. sent by another path first).
            TeamOutboxStandIn.rows(localHistory, local, team, "alice").record(new org.linkdesk.store.NewShare(
                    clock.instant(), null, null, "gateway", "https://share.example.com", "gateway", "b", "k",
                    org.linkdesk.core.sign.LinkOptions.get(Duration.ofDays(1)), clock.instant().plusSeconds(86400),
                    org.linkdesk.core.sign.EffectiveExpiry.Limit.REQUESTED, "https://share.example.com/s/x", null),
                    org.linkdesk.store.ShareExtras.NONE, "https://share.example.com/s/…", uid);
            ProtectedShare share = shares.service().create(request(), uid);

            assertThat(share.createdAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00.123456Z"));
            assertThat(shares.service().find(share.id())).hasValue(share);
            long row = team.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM share WHERE uid = ?")) {
                    ps.setObject(1, uid);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            assertThat(shares.history((r, e, s, u) -> 0).forHistoryRow(row)).hasValue(share);
            assertThat(columnTypes(team)).containsOnly("timestamp with time zone");
        }
    }

    @Test
    void aRowThatCannotBeRecordedTakesItsShareAway() {
        PostgresCluster.Login login = cluster.newDatabase();
        try (TeamDatabase team = open(login, 2)) {
            TeamProtectedShares shares = new TeamProtectedShares(team, FAST, Clock.systemUTC());
            shares.service().setPublicUrl("https://share.example.com");
            ProtectedHistory history = shares.history((row, extras, shown, uid) -> {
                throw new StoreException("The disk is full.");
            });
            assertThatThrownBy(() -> history.create(request(), null, null)).hasMessage("The disk is full.");
            assertThat(shares.service().list(null)).isEmpty();
        }
    }

    @Test
    void aSessionTheServerEndsWhileShuttingDownCountsAsUnreachable() {
        try (TeamDatabase team = TeamDatabase.open(new TeamConnection("jdbc:postgresql://127.0.0.1:1/x", "u", null), 1)) {
            for (String state : List.of("57P01", "57P02", "57P03", "08006")) {
                StoreException e = team.translate(new java.sql.SQLException("terminating connection", state));
                assertThat(e).isInstanceOfSatisfying(TeamDatabaseException.class,
                        t -> assertThat(t.unreachable()).as(state).isTrue());
            }
        }
    }

    private static NewProtectedShare request() {
        return new NewProtectedShare("alice", "bucket-a", "docs/plan.pdf", null, 10L, Duration.ofDays(1), 3, null,
                null);
    }

    private static List<String> columnTypes(TeamDatabase team) {
        return team.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT data_type FROM "
                    + "information_schema.columns WHERE table_name IN ('protected_share', 'protected_download') "
                    + "AND column_name LIKE '%_at'")) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    /** Polls the server (no sleep-and-hope) until a session of this database waits for a lock. */
    private static void waitUntilSomeoneWaitsForALock(PostgresCluster.Login login) throws Exception {
        try (Connection c = DriverManager.getConnection(login.url(), login.user(), login.password());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ? "
                     + "AND wait_event_type = 'Lock'")) {
            ps.setString(1, login.database());
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
