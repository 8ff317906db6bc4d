package org.linkdesk.team;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.store.TeamOutbox;
import org.linkdesk.store.Vault;

/**
 * Team mode's parts for one team database: the pool, the team history and its links, the outbox sender and the
 * protected links. Made by {@code wiring.Services}; closing it stops the sender and closes the pool (the local
 * outbox keeps whatever was not sent).
 */
public final class TeamMode implements AutoCloseable {
    /** A desktop needs a few connections (a page, a count, the sender); a gateway more (see ServeCommand). */
    public static final int POOL_SIZE = 8;

    private final TeamSettings.Resolved resolved;
    private final TeamDatabase database;
    private final TeamHistoryStore history;
    private final TeamLinkUrls urls;
    private final TeamOutbox outbox;
    private final OutboxSender sender;
    private final TeamProtectedShares protectedShares;
    private final Supplier<String> vaultPassword;

    private TeamMode(TeamSettings.Resolved resolved, TeamDatabase database, Vault vault, TeamOutbox outbox,
                     Supplier<String> vaultPassword, Clock clock) {
        this.resolved = resolved;
        this.database = database;
        this.history = new TeamHistoryStore(database);
        this.urls = new TeamLinkUrls(database, vault, resolved.displayName());
        this.outbox = outbox;
        this.sender = new OutboxSender(outbox, database);
        this.protectedShares = new TeamProtectedShares(database, clock);
        this.vaultPassword = vaultPassword;
    }

    /**
     * Opens the pool (nothing is contacted yet). When the password is to come from the vault, it is asked for at
     * each new login, so a vault unlocked after start-up is enough.
     */
    public static TeamMode open(TeamSettings.Resolved resolved, TeamSettings settings, Vault vault, TeamOutbox outbox,
                                Clock clock) {
        boolean fromVault = resolved.passwordSource() == TeamSettings.Source.VAULT
                || resolved.passwordSource() == TeamSettings.Source.VAULT_LOCKED;
        Supplier<String> vaultPassword = fromVault ? () -> settings.vaultPassword().orElse(null) : () -> null;
        TeamConnection connection = resolved.connection();
        if (fromVault) {
            // Never pinned: the vault may be locked now, and the password changed in the settings later.
            connection = new TeamConnection(connection.url(), connection.user(), null);
        }
        TeamDatabase database = TeamDatabase.open(connection, POOL_SIZE, fromVault ? vaultPassword : null);
        return new TeamMode(resolved, database, vault, outbox, vaultPassword, clock);
    }

    public TeamSettings.Resolved resolved() {
        return resolved;
    }

    /** Who "I" am in the team history. */
    public String displayName() {
        return resolved.displayName();
    }

    public TeamDatabase database() {
        return database;
    }

    public TeamHistoryStore history() {
        return history;
    }

    public TeamLinkUrls urls() {
        return urls;
    }

    public TeamOutbox outbox() {
        return outbox;
    }

    public OutboxSender sender() {
        return sender;
    }

    public TeamProtectedShares protectedShares() {
        return protectedShares;
    }

    /** History rows as protected links record them: locally, then through the outbox to the team database. */
    public ProtectedHistory protectedHistory(ProtectedHistory.RowRecorder rows) {
        return protectedShares.history(rows);
    }

    /** Copies {@code personal} (this computer's history) into the team database, as this member. */
    public HistoryMove historyMove(org.linkdesk.store.PersonalHistoryRows personal) {
        return new HistoryMove(personal, database, displayName());
    }

    /** Starts sending the outbox in the background (the desktop); the command line sends with {@link #flush}. */
    public void startSending() {
        sender.start();
    }

    /** Sends what waits, for at most {@code limit}; returns how many links still wait. */
    public long flush(Duration limit) {
        return sender.sendWaiting(limit).waiting();
    }

    /** Listens for changes other members make (live refresh); the caller closes what it returns. */
    public TeamHistoryChanges listen(Consumer<HistoryChange> callback) {
        TeamConnection c = resolved.connection();
        String password = c.password() != null ? c.password() : vaultPassword.get();
        return new TeamHistoryChanges(new TeamConnection(c.url(), c.user(), password), callback).start();
    }

    @Override
    public void close() {
        try {
            sender.close();
        } finally {
            database.close();
        }
    }
}
