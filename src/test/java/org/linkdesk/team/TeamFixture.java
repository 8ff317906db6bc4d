package org.linkdesk.team;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.store.Database;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.PersonalHistoryRows;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.TeamOutbox;
import org.linkdesk.store.TeamShareRow;
import org.linkdesk.store.Vault;
import org.linkdesk.testing.PostgresCluster;

/** One desktop's local store in team mode, and a fresh team database on the test cluster. */
final class TeamFixture implements AutoCloseable {
    static final char[] PASSWORD = "team outbox password".toCharArray();
    static final Instant T0 = Instant.parse("2026-11-01T09:00:00.123456789Z");

    final Database db;
    final Vault vault;
    final ShareStore shares;
    final TeamOutbox outbox;
    final PostgresCluster.Login login;
    final TeamDatabase team;

    TeamFixture(Path dir, String displayName) {
        db = Database.open(dir);
        vault = new Vault(db);
        if (!vault.isCreated()) {
            vault.create(PASSWORD.clone());
        } else {
            vault.unlock(PASSWORD.clone());
        }
        shares = new ShareStore(db, vault);
        login = PostgresCluster.shared().newDatabase();
        outbox = TeamOutboxes.outbox(db, Map.of(DisplayName.VARIABLE, displayName), login.url());
        shares.setOutbox(outbox);
        team = TeamDatabase.open(new TeamConnection(login.url(), login.user(), login.password()), 2);
    }

    static NewShare share(int n) {
        return share(n, "file-" + n + ".pdf");
    }

    static NewShare share(int n, String key) {
        Instant created = T0.plusSeconds(n);
        LinkOptions options = new LinkOptions(HttpMethod.GET, Duration.ofHours(2), null, false, null, null, null);
        return new NewShare(created, null, "work", "AKIAEXAMPLE", "http://127.0.0.1:9000", "eu-west-1", "team-bucket",
                key, options, created.plus(options.expiresIn()), EffectiveExpiry.Limit.REQUESTED,
                "http://127.0.0.1:9000/team-bucket/" + key + "?X-Amz-Signature=" + "ab".repeat(32) + n, "note " + n);
    }

    static List<NewShare> shares(int from, int count) {
        List<NewShare> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(share(i));
        }
        return list;
    }

    /** The team uids of every local history row, as a move would send them. */
    List<UUID> localUids() {
        List<UUID> uids = new ArrayList<>();
        for (TeamShareRow row : new PersonalHistoryRows(db, vault).page(0, 1_000_000, "x")) {
            uids.add(row.uid());
        }
        return uids;
    }

    /** The uids in the team database, each as often as it is stored, by team id. */
    List<UUID> teamUids() {
        return team.read(c -> {
            List<UUID> uids = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT uid FROM share ORDER BY id")) {
                while (rs.next()) {
                    uids.add(rs.getObject(1, UUID.class));
                }
            }
            return uids;
        });
    }

    /** One column of the team row with this uid. */
    Object teamValue(UUID uid, String column) {
        return team.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM share WHERE uid = ?")) {
                ps.setObject(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getObject(1) : null;
                }
            }
        });
    }

    /** Hex SHA-256 of the vault's public key, straight from the vault table. */
    String sealedFor() throws Exception {
        byte[] key = db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT public_key FROM vault")) {
                rs.next();
                return rs.getBytes(1);
            }
        });
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
    }

    static String text(byte[] b) {
        return new String(b, UTF_8);
    }

    @Override
    public void close() {
        team.close();
        db.close();
    }
}
