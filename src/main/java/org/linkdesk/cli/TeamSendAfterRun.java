package org.linkdesk.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.linkdesk.store.TeamOutbox;
import org.linkdesk.team.OutboxSender;
import org.linkdesk.team.TeamConnection;
import org.linkdesk.team.TeamDatabase;
import org.linkdesk.wiring.Services;

/**
 * Team mode on the command line: once a command recorded links (already committed locally, with their outbox rows),
 * one short try sends what waits. When the team database does not answer in time the links stay waiting and one
 * line on stderr says so; standard output is unchanged.
 */
final class TeamSendAfterRun {
    static final Duration LIMIT = Duration.ofSeconds(3);

    private final AtomicBoolean recorded = new AtomicBoolean();
    private final Runnable listener = () -> recorded.set(true);
    private TeamOutbox outbox;

    /** Starts watching {@code services}' outbox (nothing in personal mode). */
    void watch(Services services) {
        outbox = services.teamOutbox();
        if (outbox != null) {
            outbox.addListener(listener);
        }
    }

    /** After the command: sends once if it recorded links. Never throws; the links are safe locally either way. */
    void sendIfRecorded(Services services, CliIo io) {
        if (outbox == null) {
            return;
        }
        outbox.removeListener(listener);
        if (!recorded.get()) {
            return;
        }
        OutboxSender.Result result;
        try {
            Optional<TeamConnection> connection = TeamAccess.connection(services, io.env());
            if (connection.isEmpty()) {
                return;
            }
            try (TeamDatabase db = TeamAccess.open(connection.get())) {
                result = new OutboxSender(outbox, db).sendWaiting(LIMIT);
            }
        } catch (RuntimeException e) {
            io.warn("the links made are kept on this computer; sending them to the team database failed ("
                    + Cli.message(e) + "). They are sent on the next run, or with 'linkdesk team push'.");
            return;
        }
        if (result.complete()) {
            return;
        }
        long waiting = result.waiting() >= 0 ? result.waiting() : outbox.waiting();
        String links = waiting == 1 ? "1 link waiting" : waiting + " links waiting";
        if (result.offline()) {
            io.error("offline — " + links + "; they are sent on the next run (or with 'linkdesk team push').");
        } else {
            io.warn(links + " on this computer: " + result.error());
        }
    }
}
