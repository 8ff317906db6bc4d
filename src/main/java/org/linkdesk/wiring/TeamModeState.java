package org.linkdesk.wiring;

import java.time.Clock;
import java.util.Optional;
import org.linkdesk.store.Database;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.TeamOutbox;
import org.linkdesk.store.Vault;
import org.linkdesk.team.TeamMode;
import org.linkdesk.team.TeamProtectedShares;
import org.linkdesk.team.TeamSettings;

/**
 * Team mode's state in {@link Services}: the outbox every new history row also waits in, the team history switched
 * in and out, and protected links on the team database. Null parts mean personal mode.
 */
final class TeamModeState {
    private final Database database;
    private final Vault vault;
    private final Clock clock;
    private final ShareStore shares;
    private final HistorySwitch historySwitch;
    private volatile TeamProtectedShares teamProtected;
    private TeamOutbox teamOutbox;
    private volatile TeamMode team;

    TeamModeState(Database database, Vault vault, Clock clock, ShareStore shares, HistorySwitch historySwitch) {
        this.database = database;
        this.vault = vault;
        this.clock = clock;
        this.shares = shares;
        this.historySwitch = historySwitch;
    }

    TeamProtectedShares protectedShares() {
        return teamProtected;
    }

    void useProtectedShares(TeamProtectedShares team) {
        teamProtected = team;
    }

    TeamOutbox outbox() {
        return teamOutbox;
    }

    /** At open: the outbox of the team mode the data directory is in (or none), set on the share store. */
    void openOutbox(TeamOutbox outbox) {
        teamOutbox = outbox;
        shares.setOutbox(teamOutbox);
    }

    synchronized TeamMode useTeam(TeamSettings settings, TeamSettings.Resolved resolved, boolean background) {
        leaveTeam();
        // Rows are recorded under the display name these settings resolve (the command line's environment too).
        teamOutbox = new TeamOutbox(database, settings::displayName, resolved.connection().url());
        shares.setOutbox(teamOutbox);
        TeamMode opened = TeamMode.open(resolved, settings, vault, teamOutbox, clock);
        historySwitch.useTeam(opened.history(), opened.urls());
        teamProtected = opened.protectedShares();
        team = opened;
        if (background) {
            opened.startSending();
        }
        return opened;
    }

    synchronized void leaveTeam() {
        TeamMode was = team;
        team = null;
        teamProtected = null;
        historySwitch.usePersonal();
        shares.setOutbox(null);
        teamOutbox = null;
        if (was != null) {
            was.close();
        }
    }

    Optional<TeamMode> team() {
        return Optional.ofNullable(team);
    }

    /** Closes team mode's connections (before the local database closes). */
    void closeTeam() {
        TeamMode teamOn = team;
        if (teamOn != null) {
            teamOn.close();
        }
    }

    /** Closes the pool of protected links set by {@link #useProtectedShares} (after the local database closes). */
    void closeProtectedShares() {
        TeamProtectedShares protectedOn = teamProtected;
        if (protectedOn != null) {
            protectedOn.database().close();
        }
    }
}
