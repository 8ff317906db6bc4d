package org.linkdesk.team;

import java.util.Optional;

/**
 * The team settings as the desktop edits them: what is stored and in use, "Test connection", "Use" (save, then
 * switch this computer to the team database) and "Turn off". JavaFX-free; the switch itself is the service root's.
 */
public final class TeamSetup {
    /** Switches the running app between personal and team mode (the service root). */
    public interface Modes {
        void useTeam(TeamSettings.Resolved resolved);

        void leaveTeam();
    }

    /**
     * What the settings dialog shows.
     *
     * @param inUse       the team database in use now (its URL without secrets), or null in personal mode
     * @param fromEnvironment whether {@code LINKDESK_DATABASE} sets it (then "Turn off" lasts until the next start)
     */
    public record Current(TeamSettings.Stored stored, String displayName, String inUse, boolean fromEnvironment) {
    }

    private final TeamSettings settings;
    private final Modes modes;
    private volatile String inUse;

    public TeamSetup(TeamSettings settings, Modes modes, String inUse) {
        this.settings = settings;
        this.modes = modes;
        this.inUse = inUse;
    }

    public Current current() {
        return new Current(settings.stored(), settings.displayName(), inUse, settings.environmentUrlSet());
    }

    /** Logs in with these values (not saved); a plain sentence saying what happened. */
    public String test(String url, String user, char[] password) {
        TeamConnection connection = settings.connectionFor(url, user, password);
        try (TeamDatabase database = TeamDatabase.open(connection, 1)) {
            String version = database.serverVersion();
            return "Connected: PostgreSQL " + version.split(" ")[0] + " at " + connection.safeUrl() + ".";
        }
    }

    /** Saves the values (the password sealed; null keeps the kept one) and switches to the team database. */
    public Current use(String url, String user, char[] password, String displayName) {
        settings.save(url, user, password, displayName);
        Optional<TeamSettings.Resolved> resolved = settings.resolve(null);
        if (resolved.isPresent()) {
            modes.useTeam(resolved.get());
            inUse = resolved.get().connection().safeUrl();
        }
        return current();
    }

    /** Forgets the URL and the password and goes back to the personal history. */
    public Current turnOff() {
        settings.turnOff();
        modes.leaveTeam();
        inUse = null;
        return current();
    }
}
