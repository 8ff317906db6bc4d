package org.linkdesk.cli;

import java.util.Map;
import org.linkdesk.team.TeamConnection;
import org.linkdesk.team.TeamDatabase;
import org.linkdesk.team.TeamProtectedShares;
import org.linkdesk.wiring.Services;

/**
 * {@code --database} / {@code LINKDESK_DATABASE}: puts the protected links on the team database. The user comes from
 * PGUSER (else the URL), the password from PGPASSWORD, else the driver reads {@code ~/.pgpass}.
 */
final class TeamOption {
    static final String URL_VARIABLE = "LINKDESK_DATABASE";
    /** Enough for a gateway's concurrent downloads; a desktop uses one or two. */
    static final int POOL_SIZE = 8;

    private TeamOption() {
    }

    static void attach(Services services, String option, Map<String, String> env) {
        String url = blank(option) ? env.get(URL_VARIABLE) : option;
        if (blank(url)) {
            return;
        }
        TeamConnection connection;
        try {
            connection = new TeamConnection(url.strip(), blankToNull(env.get("PGUSER")),
                    blankToNull(env.get("PGPASSWORD")));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        services.useTeamProtectedShares(new TeamProtectedShares(TeamDatabase.open(connection, POOL_SIZE),
                services.clock()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }
}
