package org.linkdesk.cli;

import java.util.concurrent.Callable;
import org.linkdesk.store.TeamOutbox;
import org.linkdesk.team.TeamOutboxes;
import org.linkdesk.wiring.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk team}: the team database's state, sending the links waiting here, moving the history there. */
@Command(name = "team", sortOptions = false,
        header = "Team mode: settings, status, send waiting links, move the personal history into the team database.",
        subcommands = {TeamConfigCommand.class, TeamStatusCommand.class, TeamPushCommand.class,
                TeamImportHistoryCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk team config --url jdbc:postgresql://db.example.com/linkdesk --user alice --password-stdin",
                "  LINKDESK_DATABASE=jdbc:postgresql://db.example.com/linkdesk linkdesk team status",
                "  linkdesk team push",
                "  linkdesk team import-history"})
final class TeamCommand implements Callable<Integer> {
    @ParentCommand
    private LinkdeskCommand root;

    LinkdeskCommand root() {
        return root;
    }

    @Override
    public Integer call() {
        root.io().error("choose a command: config, status, push or import-history (see 'linkdesk team --help').");
        return ExitCodes.USAGE;
    }

    /** The outbox of this data folder (also when team mode came from this run's environment only). */
    static TeamOutbox outbox(Services services, java.util.Map<String, String> env) {
        TeamOutbox outbox = services.teamOutbox();
        return outbox != null ? outbox : TeamOutboxes.outbox(services.database(), env);
    }
}
