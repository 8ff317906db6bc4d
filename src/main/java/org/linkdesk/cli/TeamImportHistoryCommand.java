package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.linkdesk.store.PersonalHistoryRows;
import org.linkdesk.team.HistoryMove;
import org.linkdesk.team.TeamDatabase;
import org.linkdesk.wiring.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk team import-history}: copies this computer's history into the team database. */
@Command(name = "import-history", sortOptions = false,
        header = "Copy this computer's history into the team database (links it has already are skipped).",
        description = {"Safe to stop and run again: no link is copied twice. The local history is kept; the links "
                + "you did not make through the team are recorded under your display name. To take the team "
                + "history back out, use 'linkdesk history export' in team mode."})
final class TeamImportHistoryCommand implements Callable<Integer> {
    @ParentCommand
    private TeamCommand team;

    @Option(names = "--json", description = "Print the outcome as a JSON object.")
    private boolean json;

    @Override
    public Integer call() {
        LinkdeskCommand root = team.root();
        Services services = root.services();
        CliIo io = root.io();
        String name = TeamAccess.displayName(services, io.env());
        ProgressLine line = new ProgressLine(io.err(), ProgressLine.terminal());
        HistoryMove.Outcome outcome;
        try (TeamDatabase db = TeamAccess.open(TeamAccess.require(services, io.env()))) {
            HistoryMove move = new HistoryMove(new PersonalHistoryRows(services.database(), services.vault()), db,
                    name);
            outcome = move.run(() -> false, p -> line.show(String.format("Copying the history  %3d%%  %d of %d "
                    + "links", (int) (p.fraction() * 100), p.done(), p.total())));
        } finally {
            line.clear();
        }
        if (json) {
            ObjectNode o = Json.object();
            o.put("total", outcome.total());
            o.put("added", outcome.added());
            o.put("skipped", outcome.skipped());
            o.put("madeBy", name);
            io.out().println(Json.write(o));
        } else {
            io.out().println("Copied " + outcome.total() + (outcome.total() == 1 ? " link" : " links")
                    + " into the team database: " + outcome.added() + " new, " + outcome.skipped()
                    + " already there.");
        }
        return ExitCodes.OK;
    }
}
