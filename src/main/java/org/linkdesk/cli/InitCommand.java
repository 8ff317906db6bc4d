package org.linkdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk init}: sets up a data folder and its master password without the window (servers, CI). */
@Command(name = "init", header = "Set up the data folder and its master password (no window needed).",
        description = {"The password comes from the first line of standard input with --password-stdin, else from "
                + "$" + Session.PASSWORD_VARIABLE + ". Running it again with the same password changes nothing "
                + "(exit 0); with another password it fails (exit 2)."},
        footerHeading = "%nExample:%n",
        footer = "  printf '%s\\n' \"$MASTER_PASSWORD\" | linkdesk init --password-stdin --data-dir /srv/linkdesk")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    private LinkdeskCommand root;

    @Override
    public Integer call() {
        boolean created = root.createVault();
        String dir = root.services().dataDirectory().toString();
        root.io().out().println(created ? "Set up Linkdesk in " + dir + " with your master password."
                : "Linkdesk is already set up in " + dir + "; the password matches.");
        return ExitCodes.OK;
    }
}
