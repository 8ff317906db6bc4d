package org.linkdesk.cli;

import java.time.Duration;
import java.util.Optional;
import org.linkdesk.team.TeamMode;
import org.linkdesk.team.TeamSettings;
import org.linkdesk.wiring.Services;

/**
 * {@code --database} / {@code LINKDESK_DATABASE} / the stored team settings: puts a command's history, new links and
 * protected links on the team database (see {@link TeamSettings} for where each part of the login comes from).
 */
final class TeamOption {
    /** How long a command waits at its end for the links it made to reach the team database. */
    static final Duration FLUSH_LIMIT = Duration.ofSeconds(5);

    private TeamOption() {
    }

    /** Switches {@code services} to team mode when a team URL is set anywhere; does nothing in personal mode. */
    static void attach(Services services, String option, CliIo io, Runnable unlockWithEnvironmentPassword) {
        TeamSettings settings = services.teamSettings(io.env());
        Optional<TeamSettings.Resolved> resolved;
        try {
            resolved = settings.resolve(option);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        if (resolved.isEmpty()) {
            return;
        }
        if (resolved.get().passwordSource() == TeamSettings.Source.VAULT_LOCKED) {
            // The team password is kept in the vault: opened now when LINKDESK_PASSWORD is set (else it is asked
            // for at login, which works once a command has unlocked the vault).
            unlockWithEnvironmentPassword.run();
        }
        services.useTeam(settings, resolved.get(), false);
    }

    /** At the end of a team-mode command: sends what waits in the outbox, saying so when some must wait longer. */
    static void flush(Services services, CliIo io) {
        Optional<TeamMode> team = services.team();
        if (team.isEmpty() || team.get().outbox().waiting() == 0) {
            return;
        }
        long left = team.get().flush(FLUSH_LIMIT);
        if (left > 0) {
            io.warn(left + (left == 1 ? " link waits" : " links wait") + " on this computer for the team database "
                    + "(" + team.get().database().connection().safeUrl() + "); the next linkdesk command or "
                    + "'linkdesk team push' sends " + (left == 1 ? "it." : "them."));
        }
    }
}
