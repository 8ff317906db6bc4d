package org.linkdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk share purge --expired}. */
@Command(name = "purge", header = "Delete expired protected links and their download logs.")
final class SharePurgeCommand implements Callable<Integer> {
    @ParentCommand
    private ShareCommand share;

    @Option(names = "--expired", required = true, description = "Delete links that have expired.")
    private boolean expired;

    @Override
    public Integer call() {
        int n = share.shares().purgeExpired();
        share.root().io().out().println("Purged " + n + " expired protected " + (n == 1 ? "link" : "links") + ".");
        return ExitCodes.OK;
    }
}
