package org.linkdesk.team;

import java.util.Map;
import java.util.Optional;
import org.linkdesk.store.Database;
import org.linkdesk.store.Settings;
import org.linkdesk.store.TeamOutbox;

/**
 * Whether this computer is in team mode for writing, and its outbox. The integration's team settings decide team mode
 * in full ({@code --database}, the vault's password); this is the part the local database alone can answer when it
 * opens, before links the command line journalled are taken in: a team URL in {@code LINKDESK_DATABASE} or in the
 * local setting {@code team.database_url}.
 */
public final class TeamOutboxes {
    public static final String URL_VARIABLE = "LINKDESK_DATABASE";
    public static final String URL_SETTING = "team.database_url";

    private TeamOutboxes() {
    }

    /** The team URL from the environment, else the local setting; empty in personal mode. */
    public static Optional<String> teamUrl(Database database, Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            url = new Settings(database, URL_SETTING).read();
        }
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }

    /** The outbox when a team URL is set, recording rows under {@link DisplayName}; empty in personal mode. */
    public static Optional<TeamOutbox> forTeamMode(Database database, Map<String, String> env) {
        return teamUrl(database, env).map(url -> outbox(database, env, url));
    }

    /** An outbox whose rows are made by the display name as resolved when each row is written. */
    public static TeamOutbox outbox(Database database, Map<String, String> env) {
        return outbox(database, env, teamUrl(database, env).orElse(null));
    }

    /** As above, for the team database at {@code url}: its rows are queued for it alone. */
    public static TeamOutbox outbox(Database database, Map<String, String> env, String url) {
        Settings name = new Settings(database, DisplayName.SETTING);
        Map<String, String> copy = Map.copyOf(env);
        return new TeamOutbox(database, () -> DisplayName.resolve(copy, name::read), url);
    }
}
