package org.linkdesk.cli;

import java.util.concurrent.Callable;
import org.linkdesk.team.OutboxSender;
import org.linkdesk.team.TeamDatabase;
import org.linkdesk.wiring.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk team push}: sends the links waiting on this computer to the team database now. */
@Command(name = "push", sortOptions = false,
        header = "Send the links waiting on this computer to the team database now.",
        description = {"Exit code 0 when every waiting link was sent, 5 when some still wait."})
final class TeamPushCommand implements Callable<Integer> {
    @ParentCommand
    private TeamCommand team;

    @Override
    public Integer call() {
        LinkdeskCommand root = team.root();
        Services services = root.services();
        OutboxSender.Result result;
        try (TeamDatabase db = TeamAccess.open(TeamAccess.require(services, root.io().env()))) {
            result = new OutboxSender(TeamCommand.outbox(services, root.io().env()), db).sendWaiting();
        }
        CliIo io = root.io();
        String sent = result.sent() == 1 ? "1 link" : result.sent() + " links";
        if (result.complete()) {
            io.out().println("Sent " + sent + "; none waiting.");
            return ExitCodes.OK;
        }
        String waiting = result.waiting() == 1 ? "1 link waits" : result.waiting() + " links wait";
        if (result.sent() > 0) {
            io.out().println("Sent " + sent + ".");
        }
        io.error((result.offline() ? "offline — " : "") + waiting + " on this computer: " + result.error());
        return ExitCodes.UNAVAILABLE;
    }
}
