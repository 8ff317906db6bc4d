package org.linkdesk.team;

import java.sql.ResultSet;
import java.sql.Statement;

/** Whether the team database answers, and its schema version (bringing the schema up to date first). */
public final class TeamProbe {
    /**
     * @param reachable     whether a unit of work succeeded
     * @param schemaVersion the newest applied team migration, or null when not reachable
     * @param error         why not, for people; null when reachable
     */
    public record Report(boolean reachable, String schemaVersion, String error) {
    }

    private TeamProbe() {
    }

    public static Report probe(TeamDatabase team) {
        try {
            String version = team.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT version FROM linkdesk_schema_history WHERE success "
                             + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            return new Report(true, version, null);
        } catch (TeamDatabaseException e) {
            return new Report(false, null, e.getMessage());
        }
    }
}
