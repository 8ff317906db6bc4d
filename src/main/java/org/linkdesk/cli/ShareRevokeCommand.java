package org.linkdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk share revoke ID}: the gateway answers 410 from the next request on. */
@Command(name = "revoke", header = "Stop a protected link now (the gateway answers 410 Gone from then on).")
final class ShareRevokeCommand implements Callable<Integer> {
    @ParentCommand
    private ShareCommand share;

    @Parameters(index = "0", paramLabel = "ID")
    private String id;

    @Override
    public Integer call() {
        share.shares().revoke(id);
        share.root().io().out().println("Revoked " + id + ".");
        return ExitCodes.OK;
    }
}
