package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.testing.PostgresCluster;
import org.linkdesk.wiring.Services;

/** The service root in team mode: a protected link's History row reaches the team database tied and without the link. */
class TeamWiringTest {
    @TempDir
    Path dir;

    @Test
    void aProtectedLinksRowArrivesUnderItsTieUidAndShowsNoBearerLink() {
        PostgresCluster.Login login = PostgresCluster.shared().newDatabase();
        try (Services services = Services.open(dir.resolve("data"))) {
            services.vault().create("wiring master password".toCharArray());
            TeamSettings settings = services.teamSettings(Map.of("PGUSER", login.user(), "PGPASSWORD",
                    login.password(), "LINKDESK_DISPLAY_NAME", "Dana", "HOME", dir.toString()));
            TeamMode team = services.useTeam(settings, settings.resolve(login.url()).orElseThrow(), false);
            services.protectedShares().setPublicUrl("https://share.example.com");
            ProtectedHistory.Recorded made = services.protectedHistory().create(new NewProtectedShare("Dana",
                    "team-bucket", "q3.pdf", "q3.pdf", 10L, Duration.ofHours(3), null, null, "for Eve"), null, null);
            assertThat(team.flush(Duration.ofSeconds(20))).isZero();
            String[] row = team.database().read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT s.made_by, s.url_redacted, "
                        + "(SELECT count(*) FROM protected_share_history h WHERE h.history_id = s.id) "
                        + "FROM share s WHERE s.uid = ?")) {
                    ps.setObject(1, made.uid());
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
                    }
                }
            });
            assertThat(row[0]).isEqualTo("Dana");
            assertThat(made.link()).contains(made.share().id());
            assertThat(row[1]).doesNotContain(made.share().id());
            assertThat(row[2]).isEqualTo("1");
        }
    }
}
