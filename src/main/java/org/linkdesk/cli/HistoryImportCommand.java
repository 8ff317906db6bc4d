package org.linkdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk history import FILE}: merges an export into the history, all or nothing. */
@Command(name = "import", header = "Import links from a Linkdesk CSV or JSON export (duplicates are skipped).",
        description = {"A file with any fault is rejected as a whole, naming the line and field; "
                + "links in the file are sealed like new ones when the master password is given."})
final class HistoryImportCommand implements Callable<Integer> {
    @ParentCommand
    private HistoryCommand history;

    @Parameters(paramLabel = "FILE", description = "A file written by 'linkdesk history export' or the window.")
    private Path file;

    @Override
    public Integer call() {
        if (!Files.exists(file)) {
            throw new InvalidInputException("No file " + file + ".");
        }
        LinkdeskCommand root = history.root();
        root.unlockVaultIfPasswordGiven();
        ImportResult result = root.services().historyExchange().importFile(file);
        root.io().out().println("Imported " + result.imported() + (result.imported() == 1 ? " link" : " links")
                + "; skipped " + result.skipped() + " already in the history.");
        return ExitCodes.OK;
    }
}
