package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkdesk.shares.DownloadRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk share log ID}: each counted download (time, hashed client address, user agent). */
@Command(name = "log", sortOptions = false, header = "Show a protected link's downloads, oldest first.")
final class ShareLogCommand implements Callable<Integer> {
    @ParentCommand
    private ShareCommand share;

    @Option(names = "--json", description = "Print a JSON array.")
    private boolean json;

    @Parameters(index = "0", paramLabel = "ID")
    private String id;

    @Override
    public Integer call() {
        List<DownloadRecord> downloads = share.shares().downloads(id);
        if (json) {
            ArrayNode array = Json.array();
            for (DownloadRecord d : downloads) {
                ObjectNode node = array.addObject();
                node.put("at", Json.time(d.at()));
                node.put("clientHash", d.ipHash());
                node.put("userAgent", d.userAgent());
            }
            share.root().io().out().println(Json.write(array));
            return ExitCodes.OK;
        }
        if (downloads.isEmpty()) {
            share.root().io().out().println("No downloads yet.");
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("TIME", "CLIENT", "USER AGENT");
        downloads.forEach(d -> table.add(Json.time(d.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), d.ipHash(), d.userAgent() == null ? "-" : d.userAgent()));
        table.print(share.root().io().out());
        return ExitCodes.OK;
    }
}
