package org.linkdesk.cli;

import java.util.Optional;
import org.linkdesk.team.TeamSettings;
import org.linkdesk.wiring.Services;

/**
 * {@code --database} / {@code LINKDESK_DATABASE} / the stored team settings: puts a command's history, new links and
 * protected links on the team database (see {@link TeamSettings} for where each part of the login comes from).
 */
final class TeamOption {
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
            resolved = settings.resolve(option);
        }
        services.useTeam(settings, resolved.get(), false);
    }

}
