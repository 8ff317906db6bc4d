package org.linkdesk.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.linkdesk.store.Database;
import org.linkdesk.team.TeamConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Copies the benchmark's H2 history into the team database's {@code share} table with one COPY (indexes dropped
 * first and rebuilt after, as a bulk load is done), giving each row one of five makers, then VACUUM ANALYZE.
 */
final class TeamBenchLoad {
    static final String[] MAKERS = {"alice", "bob", "carol", "dmitri", "eun-ji"};
    private static final String COLUMNS = "created_at, profile_name, access_key_id, endpoint, region, bucket, "
            + "object_key, method, options, requested_expiry_seconds, expires_at, expiry_limited_by, url_redacted, "
            + "note, recipient, tags, object_state";
    private static final int STEP = 10_000;

    private TeamBenchLoad() {
    }

    static void load(Database h2, TeamConnection pg) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
            c.setAutoCommit(true);
            List<String> names = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE share CASCADE");
                try (ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = "
                        + "'share' AND indexname NOT IN ('share_pkey', 'share_uid_unique')")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                        indexes.add(rs.getString(2));
                    }
                }
                for (String name : names) {
                    s.execute("DROP INDEX " + name);
                }
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY share (id, uid, made_by, " + COLUMNS
                    + ") FROM STDIN WITH (FORMAT csv)");
            long last = 0;
            while (true) {
                long from = last;
                StringBuilder csv = new StringBuilder(STEP * 300);
                last = h2.read(h -> readStep(h, from, csv));
                if (last == from) {
                    break;
                }
                byte[] bytes = csv.toString().getBytes(UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            copy.endCopy();
            try (Statement s = c.createStatement()) {
                for (String index : indexes) {
                    s.execute(index);
                }
                s.execute("SELECT setval(pg_get_serial_sequence('share', 'id'), (SELECT max(id) FROM share))");
                s.execute("VACUUM ANALYZE share");
            }
        }
    }

    /** Appends the CSV of up to {@value #STEP} rows after id {@code from}; returns the last id read. */
    private static long readStep(Connection h, long from, StringBuilder csv) throws SQLException {
        long last = from;
        try (PreparedStatement ps = h.prepareStatement("SELECT id, " + COLUMNS + " FROM share WHERE id > ? ORDER BY id "
                + "LIMIT " + STEP)) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    last = rs.getLong(1);
                    csv.append(last).append(',').append(new UUID(0x4c44L, last)).append(',')
                            .append(MAKERS[(int) (last % MAKERS.length)]);
                    for (int i = 2; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        csv.append(',');
                        if (value != null) {
                            String text = value instanceof OffsetDateTime t ? t.toInstant().toString() : value.toString();
                            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
                        }
                    }
                    csv.append('\n');
                }
            }
        }
        return last;
    }
}
