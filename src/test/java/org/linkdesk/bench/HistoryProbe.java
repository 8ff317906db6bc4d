package org.linkdesk.bench;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.linkdesk.store.Database;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryStore;

/** Ad-hoc timing of SQL variants against a database kept by {@link HistoryBench} (-Dbench.keepDir). */
public final class HistoryProbe {
    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        HistoryStore h = new HistoryStore(db);
        Instant now = Instant.now();
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i < args.length; i++) {
                String sql = args[i];
                long t0 = System.nanoTime();
                int rows;
                if (sql.startsWith("exec:")) {
                    rows = db.inTransaction(c -> c.createStatement().executeUpdate(sql.substring(5)));
                } else if (sql.startsWith("page:")) {
                    rows = h.page(HistoryQuery.NEWEST_FIRST.withSearch(sql.substring(5).isEmpty() ? null
                            : sql.substring(5)), now, 0, 100, -1).size();
                } else {
                    rows = db.read(c -> {
                        int n = 0;
                        String[] parts = sql.split("\\|");
                        PreparedStatement ps = c.prepareStatement(parts[0]);
                        for (int p = 1; p < parts.length; p++) {
                            ps.setString(p, parts[p]);
                        }
                        try (ps; ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                n++;
                            }
                        }
                        return n;
                    });
                }
                System.out.printf("%8.1f ms %6d rows  %s%n", (System.nanoTime() - t0) / 1e6, rows, sql);
            }
        }
        db.close();
    }
}
