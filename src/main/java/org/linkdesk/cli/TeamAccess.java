package org.linkdesk.cli;

import java.util.Map;
import java.util.Optional;
import org.linkdesk.store.Settings;
import org.linkdesk.team.DisplayName;
import org.linkdesk.team.TeamConnection;
import org.linkdesk.team.TeamDatabase;
import org.linkdesk.team.TeamOutboxes;
import org.linkdesk.wiring.Services;

/**
 * The team database of a command-line run (team-outbox's part): the URL from {@code LINKDESK_DATABASE} or the local
 * setting, the user from {@code PGUSER}, the password from {@code PGPASSWORD} or {@code ~/.pgpass}. The integration
 * replaces {@link #connection} with the full team settings (--database, the stored user, the vault's password).
 */
final class TeamAccess {
    /** Connections a command-line run needs at most. */
    static final int POOL_SIZE = 2;

    private TeamAccess() {
    }

    /** The team connection, or empty in personal mode. */
    static Optional<TeamConnection> connection(Services services, Map<String, String> env) {
        return TeamOutboxes.teamUrl(services.database(), env).map(url -> {
            try {
                return new TeamConnection(url, blankToNull(env.get("PGUSER")), blankToNull(env.get("PGPASSWORD")));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
        });
    }

    /** The team connection, failing with a usage error in personal mode. */
    static TeamConnection require(Services services, Map<String, String> env) {
        return connection(services, env).orElseThrow(() -> new CliException(ExitCodes.USAGE, "No team database is "
                + "set: give its URL with LINKDESK_DATABASE (or in the team settings), such as "
                + "jdbc:postgresql://db.example.com/linkdesk."));
    }

    static TeamDatabase open(TeamConnection connection) {
        return TeamDatabase.open(connection, POOL_SIZE);
    }

    static String displayName(Services services, Map<String, String> env) {
        return DisplayName.resolve(env, new Settings(services.database(), DisplayName.SETTING)::read);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
