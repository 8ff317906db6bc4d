package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.history.RecheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk history recheck [ID...]}: HEADs the objects of unexpired links (or the given ones). */
@Command(name = "recheck", sortOptions = false,
        header = "Check whether the objects of live links still exist and are unchanged.",
        description = {"Needs the master password (the profiles' credentials sign the HEAD requests)."})
final class HistoryRecheckCommand implements Callable<Integer> {
    @ParentCommand
    private HistoryCommand history;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Requests at once (1-32, default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--json", description = "Print the counts as JSON.")
    private boolean json;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Share ids (default: every unexpired link).")
    private List<Long> ids;

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1 || concurrency > 32) {
            throw new InvalidInputException("--concurrency takes a number from 1 to 32 (got " + concurrency + ").");
        }
        LinkdeskCommand root = history.root();
        Services services = root.services();
        root.unlockVault();
        long[] chosen = ids == null || ids.isEmpty() ? services.history().unexpiredIds()
                : ids.stream().mapToLong(Long::longValue).toArray();
        RecheckResult r = services.history().recheck(chosen, concurrency, () -> false, (done, total, entry) -> { });
        if (json) {
            ObjectNode node = Json.object();
            node.put("total", r.total());
            node.put("present", r.present());
            node.put("gone", r.gone());
            node.put("changed", r.changed());
            node.put("failed", r.failed());
            node.put("problem", r.firstProblem());
            root.io().out().println(Json.write(node));
        } else {
            root.io().out().println(r.total() == 0 ? "No unexpired links to check." : r.describe());
        }
        return r.failed() > 0 && r.checked() == 0 ? ExitCodes.UNAVAILABLE : ExitCodes.OK;
    }
}
