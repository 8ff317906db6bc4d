package org.linkdesk.team;

import java.time.Clock;
import org.linkdesk.shares.PasswordHasher;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.shares.ProtectedShareService;

/**
 * Protected links in team mode: the shares, their download logs, their ties to History rows and the shared gateway
 * settings (public URL, address-hash salt) live in the team database, so every desktop and every {@code linkdesk
 * serve} on it sees the same shares, counts and revocations. Signing credentials never come here: each gateway signs
 * with its own machine's local profile. Does not own {@code database} (the caller closes it).
 */
public final class TeamProtectedShares {
    private final TeamDatabase database;
    private final ProtectedShareService service;

    public TeamProtectedShares(TeamDatabase database, PasswordHasher hasher, Clock clock) {
        this.database = database;
        this.service = new ProtectedShareService(new TeamShareStore(database), hasher, clock);
    }

    public TeamProtectedShares(TeamDatabase database, Clock clock) {
        this(database, PasswordHasher.DEFAULT, clock);
    }

    /** Shares, downloads, revocation and the gateway's public URL, all on the team database. */
    public ProtectedShareService service() {
        return service;
    }

    /**
     * Protected links as History rows in team mode. {@code rows} records each row locally under the uid it is given
     * and queues it for the team database (the outbox); the tie to the share is already there when the row arrives.
     */
    public ProtectedHistory history(ProtectedHistory.RowRecorder rows) {
        return ProtectedHistory.team(service, database, rows);
    }

    public TeamDatabase database() {
        return database;
    }
}
