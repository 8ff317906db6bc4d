package org.linkdesk.cli;

import java.util.Map;
import java.util.Optional;
import org.linkdesk.store.Settings;
import org.linkdesk.team.DisplayName;
import org.linkdesk.team.TeamConnection;
import org.linkdesk.team.TeamDatabase;
import org.linkdesk.wiring.Services;

/** The team database of a command-line run, as {@link TeamOption} chose it for the run's team mode. */
final class TeamAccess {
    /** Connections a command-line run needs at most. */
    static final int POOL_SIZE = 2;

    private TeamAccess() {
    }

    /**
     * The team connection of this run's team mode ({@code --database}, LINKDESK_DATABASE or the stored settings,
     * resolved by {@code TeamSettings}: the password from PGPASSWORD, the password file or the vault), or empty in
     * personal mode.
     */
    static Optional<TeamConnection> connection(Services services, Map<String, String> env) {
        return services.team().map(team -> team.resolved().connection());
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
        return services.team().map(org.linkdesk.team.TeamMode::displayName).orElseGet(() ->
                DisplayName.resolve(env, new Settings(services.database(), DisplayName.SETTING)::read));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
