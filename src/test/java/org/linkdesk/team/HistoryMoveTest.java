package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.store.PersonalHistoryRows;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.TeamShareRow;

/** Moving a personal history into the team database: cancel, resume, repeat — an exact copy, nothing twice. */
class HistoryMoveTest {
    @TempDir
    Path dir;

    @Test
    void aCancelledMoveResumedIsAnExactCopyWithoutDuplicates() {
        try (TeamFixture f = new TeamFixture(dir, "frank")) {
            f.shares.setOutbox(null);   // a personal history made before team mode
            f.shares.insertAll(TeamFixture.shares(1, 2 * HistoryMove.BATCH + 120));
            ShareRecord renewed = f.shares.insert(TeamFixture.share(5_000));
            f.shares.insert(TeamFixture.share(5_001), new ShareExtras("Zoë", List.of("q3", "final"), "\"etag\"",
                    renewed.id()));
            f.shares.setOutbox(f.outbox);   // team mode: these also went through the outbox
            f.shares.insertAll(TeamFixture.shares(6_000, 3));
            assertThat(new OutboxSender(f.outbox, f.team).sendWaiting().complete()).isTrue();
            PersonalHistoryRows personal = new PersonalHistoryRows(f.db, f.vault);
            HistoryMove move = new HistoryMove(personal, f.team, "frank");
            long total = 2 * HistoryMove.BATCH + 125;

            List<HistoryMove.Progress> seen = new ArrayList<>();
            AtomicLong done = new AtomicLong();
            assertThatThrownBy(() -> move.run(() -> done.get() >= HistoryMove.BATCH, p -> {
                seen.add(p);
                done.set(p.done());
            })).isInstanceOf(CancellationException.class).hasMessageContaining("continues without copying any twice");
            assertThat(seen).containsExactly(new HistoryMove.Progress(0, total),
                    new HistoryMove.Progress(HistoryMove.BATCH, total));
            assertThat(f.teamUids()).hasSize(HistoryMove.BATCH + 3).doesNotHaveDuplicates();

            HistoryMove.Outcome resumed = move.run(() -> false, p -> { });
            assertThat(resumed).isEqualTo(new HistoryMove.Outcome(total - HistoryMove.BATCH - 3,
                    HistoryMove.BATCH + 3, total));
            assertThat(new HistoryMove(personal, f.team, "frank").run(() -> false, p -> { }))
                    .isEqualTo(new HistoryMove.Outcome(0, total, total));

            assertThat(f.teamUids()).containsExactlyInAnyOrderElementsOf(f.localUids()).doesNotHaveDuplicates();
            assertThat(teamRows(f)).containsExactlyInAnyOrderElementsOf(localRows(personal));
            TeamShareRow renewal = personal.page(renewed.id(), 1, "frank").get(0);
            Object renewedTeamId = f.teamValue(renewal.renewedFromUid(), "id");
            assertThat(f.teamValue(renewal.uid(), "renewed_from")).isEqualTo(renewedTeamId).isNotNull();
            assertThat(f.teamValue(renewal.uid(), "recipient")).isEqualTo("Zoë");
            assertThat(f.teamValue(renewal.uid(), "tags")).isEqualTo(",final,q3,");
        }
    }

    /** uid, key, creation time, expiry, note, tags and sealed-for of each local row, as team rows carry them. */
    private static List<String> localRows(PersonalHistoryRows personal) {
        List<String> rows = new ArrayList<>();
        for (TeamShareRow r : personal.page(0, 100_000, "frank")) {
            rows.add(r.uid() + "|" + r.value("object_key") + "|" + micros(r.value("created_at")) + "|"
                    + micros(r.value("expires_at")) + "|"
                    + r.value("note") + "|" + r.value("tags") + "|" + r.value("sealed_for") + "|"
                    + (r.value("url_sealed") == null ? 0 : ((byte[]) r.value("url_sealed")).length));
        }
        return rows;
    }

    /** PostgreSQL keeps microseconds (rounded); H2 keeps nanoseconds. */
    private static java.time.Instant micros(Object time) {
        return ((OffsetDateTime) time).toInstant().plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static List<String> teamRows(TeamFixture f) {
        return f.team.read(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT uid, object_key, "
                    + "created_at, expires_at, note, tags, sealed_for, length(url_sealed) FROM share")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|"
                            + rs.getObject(3, OffsetDateTime.class).toInstant() + "|"
                            + rs.getObject(4, OffsetDateTime.class).toInstant() + "|" + rs.getString(5) + "|"
                            + rs.getString(6) + "|" + rs.getString(7) + "|" + rs.getInt(8));
                }
            }
            return rows;
        });
    }
}
