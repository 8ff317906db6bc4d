package org.linkdesk.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.core.sign.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk history purge --expired [--older-than 30d]}. */
@Command(name = "purge", sortOptions = false, header = "Delete expired links from the history.",
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk history purge --expired", "  linkdesk history purge --expired --older-than 30d"})
final class HistoryPurgeCommand implements Callable<Integer> {
    @ParentCommand
    private HistoryCommand history;

    @Option(names = "--expired", required = true, description = "Delete links that have expired.")
    private boolean expired;

    @Option(names = "--older-than", paramLabel = "AGE",
            description = "Only those that expired more than AGE ago (e.g. 12h, 30d).")
    private String olderThan;

    @Override
    public Integer call() {
        Duration age = Duration.ZERO;
        if (olderThan != null) {
            try {
                age = Durations.parse(olderThan);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--older-than: " + e.getMessage());
            }
        }
        Services services = history.root().services();
        Instant before = services.clock().instant().minus(age);
        long n = services.history().store().purgeExpired(before);
        history.root().io().out().println("Purged " + n + " expired " + (n == 1 ? "link" : "links") + ".");
        return ExitCodes.OK;
    }
}
