package org.linkdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linkdesk.wiring.Services;
import org.linkdesk.history.ExportFormat;
import org.linkdesk.store.HistoryQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk history export}: writes the history (or part of it) as CSV or JSON. */
@Command(name = "export", sortOptions = false,
        header = "Export the history as CSV or JSON (no credentials; links only with --with-urls).",
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk history export --format csv shares.csv",
                "  linkdesk history export --format json --status active active.json"})
final class HistoryExportCommand implements Callable<Integer> {
    @ParentCommand
    private HistoryCommand history;

    @Option(names = "--format", paramLabel = "csv|json",
            description = "File format (default: by the file name, .json is JSON, else CSV).")
    private String format;

    @Option(names = "--with-urls", description = "Include the full links (bearer tokens: keep the file safe). "
            + "Needs the master password.")
    private boolean withUrls;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only links matching TEXT.")
    private String search;

    @Option(names = "--status", paramLabel = "S", description = "Only links with this status.")
    private String status;

    @Option(names = "--profile", paramLabel = "P", description = "Only links signed with profile P.")
    private String profile;

    @Parameters(paramLabel = "FILE", description = "Where to write (replaced once complete).")
    private Path file;

    @Override
    public Integer call() {
        LinkdeskCommand root = history.root();
        ExportFormat chosen;
        try {
            chosen = format == null ? ExportFormat.of(file) : ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new org.linkdesk.core.sign.InvalidInputException("--format: " + e.getMessage());
        }
        Services services = root.services();
        if (withUrls) {
            root.unlockVault();
        }
        HistoryQuery query = HistoryFilters.query(search, status, profile);
        long n = services.historyExchange().export(query, null, chosen, file, withUrls, services.clock().instant());
        root.io().err().println("Exported " + n + (n == 1 ? " link" : " links") + " to " + file + ".");
        return ExitCodes.OK;
    }
}
