package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.linkdesk.team.TeamConnection;
import org.linkdesk.team.TeamDatabase;
import org.linkdesk.team.TeamProbe;
import org.linkdesk.wiring.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk team status}: the team database (never its password), whether it answers, links waiting here. */
@Command(name = "status", sortOptions = false,
        header = "Show the team database, whether it answers, its schema version, your display name and the links "
                + "waiting on this computer.",
        description = {"Exit code 0 when the team database answers (or in personal mode), 5 when it does not."})
final class TeamStatusCommand implements Callable<Integer> {
    @ParentCommand
    private TeamCommand team;

    @Option(names = "--json", description = "Print a JSON object.")
    private boolean json;

    @Override
    public Integer call() {
        LinkdeskCommand root = team.root();
        Services services = root.services();
        PrintWriter out = root.io().out();
        Optional<TeamConnection> connection = TeamAccess.connection(services, root.io().env());
        if (connection.isEmpty()) {
            if (json) {
                ObjectNode o = Json.object();
                o.put("teamMode", false);
                out.println(Json.write(o));
            } else {
                out.println("Personal mode: no team database is set (LINKDESK_DATABASE or the team settings).");
            }
            return ExitCodes.OK;
        }
        TeamConnection c = connection.get();
        TeamProbe.Report report;
        try (TeamDatabase db = TeamAccess.open(c)) {
            report = TeamProbe.probe(db);
        }
        org.linkdesk.store.TeamOutbox outbox = TeamCommand.outbox(services, root.io().env());
        long waiting = outbox.waiting();
        long elsewhere = outbox.waitingForOtherTeams();
        String name = TeamAccess.displayName(services, root.io().env());
        if (json) {
            ObjectNode o = Json.object();
            o.put("teamMode", true);
            o.put("url", c.safeUrl());
            o.put("user", c.user());
            o.put("reachable", report.reachable());
            o.put("schemaVersion", report.schemaVersion());
            o.put("displayName", name);
            o.put("waiting", waiting);
            o.put("waitingForOtherTeamDatabases", elsewhere);
            o.put("error", report.error());
            out.println(Json.write(o));
        } else {
            out.println("Team database: " + c.safeUrl() + (c.user() == null ? "" : " (user " + c.user() + ")"));
            out.println("Reachable:     " + (report.reachable() ? "yes, schema version " + report.schemaVersion()
                    : "no — " + report.error()));
            out.println("Display name:  " + name);
            out.println("Waiting here:  " + (waiting == 1 ? "1 link" : waiting + " links"));
            if (elsewhere > 0) {
                out.println("Also waiting:  " + elsewhere + (elsewhere == 1 ? " link" : " links")
                        + " made for another team database (sent when this computer uses that one again)");
            }
        }
        return report.reachable() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }
}
