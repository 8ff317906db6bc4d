package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk share list}: every protected link with its downloads and status, newest first. */
@Command(name = "list", sortOptions = false, header = "List protected links, newest first.")
final class ShareListCommand implements Callable<Integer> {
    @ParentCommand
    private ShareCommand share;

    @Option(names = "--owner", paramLabel = "NAME", description = "Only this owner's links.")
    private String owner;

    @Option(names = "--json", description = "Print a JSON array.")
    private boolean json;

    @Override
    public Integer call() {
        ProtectedShareService service = share.shares();
        List<ProtectedShare> shares = service.list(owner);
        Instant now = service.clock().instant();
        if (json) {
            ArrayNode array = Json.array();
            shares.forEach(s -> array.add(ShareJson.of(s, service, now)));
            share.root().io().out().println(Json.write(array));
            return ExitCodes.OK;
        }
        if (shares.isEmpty()) {
            share.root().io().out().println("No protected links yet; 'linkdesk share create s3://BUCKET/KEY' makes one.");
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("ID", "FILE", "DOWNLOADS", "LAST DOWNLOAD", "EXPIRES", "STATUS", "OWNER");
        for (ProtectedShare s : shares) {
            table.add(s.id(), s.fileName(), s.downloads() + "/" + (s.maxDownloads() == null ? "∞" : s.maxDownloads()),
                    s.lastDownloadAt() == null ? "-" : seconds(s.lastDownloadAt()), seconds(s.expiresAt()),
                    ShareCommand.status(s, now) + (s.passwordProtected() ? ", password" : ""), s.owner());
        }
        table.print(share.root().io().out());
        return ExitCodes.OK;
    }

    private static String seconds(Instant t) {
        return Json.time(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
