package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.store.Database;
import org.linkdesk.store.PersonalHistoryRows;
import org.linkdesk.store.TeamOutbox;
import org.linkdesk.store.TeamShareRow;
import org.linkdesk.store.Vault;
import org.linkdesk.testing.CliProcess;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.testing.S3ProxyServer;

/**
 * {@code kill -9} of {@code presign --recursive} in team mode at random moments — while it records the links, while
 * it sends them to the team database, between the team commit and the local delete: after each kill every local
 * link is in the team database or still in the outbox (none lost), the team database holds no link twice nor any
 * link the local history lacks, and once the outbox is sent the two hold exactly the same links.
 */
class TeamCrashSafetyTest {
    private static final int OBJECTS = 1_000;
    private static final int TRIALS = 4;

    @TempDir
    Path work;

    @Test
    void killedAtRandomMomentsNoLinkIsLostOrDoubled() throws Exception {
        S3ProxyServer s3 = S3ProxyServer.shared();
        PostgresCluster.Login login = PostgresCluster.shared().newDatabase();
        String bucket = s3.newBucket();
        for (int i = 0; i < OBJECTS; i++) {
            s3.putObject(bucket, String.format("team/obj-%05d", i), new byte[] {1}, "application/octet-stream");
        }
        Path data = work.resolve("data");
        try (Database db = Database.open(data)) {
            new Vault(db).create("team kill trials".toCharArray());
        }
        Map<String, String> env = Map.of("LINKDESK_DATABASE", login.url(), "PGUSER", login.user(),
                "PGPASSWORD", login.password(), DisplayName.VARIABLE, "kim");
        List<String> problems = new ArrayList<>();
        Random random = new Random(20261205L);
        long fullRunMillis = 0;
        int killed = 0;
        int midSend = 0;
        for (int t = 0; t <= TRIALS; t++) {
            String note = "team-trial-" + t;
            try (CliProcess cli = CliProcess.start(s3, work, note, List.of("--data-dir", data.toString(), "presign",
                    "--recursive", "--note", note, "s3://" + bucket + "/team/"), env)) {
                long started = System.nanoTime();
                boolean ended;
                if (t == 0) {
                    ended = cli.waitFor(600_000);   // a whole run, to time one
                    fullRunMillis = (System.nanoTime() - started) / 1_000_000;
                } else if (t % 2 == 1) {
                    ended = cli.waitFor((long) (random.nextDouble() * fullRunMillis * 11 / 10));
                } else {
                    ended = !killWhenTheTeamHasSome(cli, login, note);
                }
                if (ended) {
                    if (cli.exitCode() != 0) {
                        problems.add(note + ": exit " + cli.exitCode() + ": " + cli.stderr().strip());
                    }
                } else {
                    cli.kill();
                    killed++;
                }
            }
            if (check(note, data, login, problems, false)) {
                midSend++;
            }
        }
        check("after sending", data, login, problems, true);

        System.out.println("team kill trials: " + TRIALS + " trials, " + killed + " killed, full run "
                + fullRunMillis + " ms, " + midSend + " left part sent and part waiting");
        assertThat(problems).isEmpty();
        assertThat(killed).isGreaterThanOrEqualTo(TRIALS / 2);
        assertThat(midSend).as("kills in the middle of sending").isPositive();
    }

    /**
     * Watches the team database until the first batch of this run's links is committed there, then returns true
     * (kill now: the rest of the batches are being sent); false when the run ended first.
     */
    private static boolean killWhenTheTeamHasSome(CliProcess cli, PostgresCluster.Login login, String note)
            throws Exception {
        try (var c = DriverManager.getConnection(login.url(), login.user(), login.password());
             var ps = c.prepareStatement("SELECT COUNT(*) FROM share WHERE note = ?")) {
            ps.setString(1, note);
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (cli.waitFor(0)) {
                    return false;
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return true;
                    }
                } catch (java.sql.SQLException e) {
                    // The share table is made by the first run's migration; until then there is nothing to see.
                    c.setAutoCommit(true);
                }
            }
            return false;
        }
    }

    /**
     * The invariants after a kill; with {@code sendFirst} the outbox is sent and both sides must be equal. Returns
     * whether links were both sent and waiting (a kill in the middle of sending).
     */
    private static boolean check(String when, Path data, PostgresCluster.Login login, List<String> problems,
                              boolean sendFirst) {
        try (Database db = Database.open(data)) {
            db.notices().stream().filter(n -> n.contains("damaged")).forEach(n -> problems.add(when + ": " + n));
            TeamOutbox outbox = TeamOutboxes.outbox(db, Map.of(DisplayName.VARIABLE, "kim"), login.url());
            if (sendFirst) {
                try (TeamDatabase team = TeamDatabase.open(new TeamConnection(login.url(), login.user(),
                        login.password()), 2)) {
                    OutboxSender.Result result = new OutboxSender(outbox, team).sendWaiting();
                    if (!result.complete()) {
                        problems.add(when + ": the outbox was not sent: " + result.error());
                    }
                }
            }
            Set<UUID> local = new HashSet<>();
            for (TeamShareRow row : new PersonalHistoryRows(db, new Vault(db)).page(0, 1_000_000, "kim")) {
                local.add(row.uid());
            }
            Set<UUID> waiting = new HashSet<>();
            outbox.next(0, 1_000_000).forEach(e -> waiting.add(e.uid()));
            List<UUID> team = teamUids(login);
            Set<UUID> teamSet = new HashSet<>(team);
            if (teamSet.size() != team.size()) {
                problems.add(when + ": " + (team.size() - teamSet.size()) + " links are twice in the team database");
            }
            Set<UUID> extra = new HashSet<>(teamSet);
            extra.removeAll(local);
            if (!extra.isEmpty()) {
                problems.add(when + ": " + extra.size() + " team links are not in the local history");
            }
            Set<UUID> lost = new HashSet<>(local);
            lost.removeAll(teamSet);
            lost.removeAll(waiting);
            if (!lost.isEmpty()) {
                problems.add(when + ": " + lost.size() + " local links are neither sent nor waiting");
            }
            if (sendFirst && (!waiting.isEmpty() || !teamSet.equals(local))) {
                problems.add(when + ": " + waiting.size() + " still waiting, team " + teamSet.size() + " vs local "
                        + local.size());
            }
            return !waiting.isEmpty() && teamSet.size() % OBJECTS != 0;
        } catch (RuntimeException e) {
            problems.add(when + ": the local database did not open: " + e);
            return false;
        }
    }

    private static List<UUID> teamUids(PostgresCluster.Login login) {
        List<UUID> uids = new ArrayList<>();
        try (var c = DriverManager.getConnection(login.url(), login.user(), login.password());
             Statement st = c.createStatement()) {
            try (ResultSet exists = st.executeQuery("SELECT to_regclass('share') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return uids;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT uid FROM share")) {
                while (rs.next()) {
                    uids.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return uids;
    }
}
