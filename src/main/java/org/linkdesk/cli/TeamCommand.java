package org.linkdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk team}: team mode's settings and state (issue 16). */
@Command(name = "team", header = "Team mode: one history and one set of protected links on PostgreSQL.",
        subcommands = {TeamConfigCommand.class})
final class TeamCommand implements Callable<Integer> {
    @ParentCommand
    private LinkdeskCommand root;

    LinkdeskCommand root() {
        return root;
    }

    @Override
    public Integer call() {
        root.io().error("choose a subcommand: config (see 'linkdesk team --help').");
        return ExitCodes.USAGE;
    }
}
