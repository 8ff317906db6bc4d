package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkdesk.app.Services;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.ShareRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk history}: the links made, newest first. */
@Command(name = "history", sortOptions = false,
        header = "List the links made, newest first.",
        description = {"With --json, each link's URL is included when the master password is given "
                + "(--password-stdin or LINKDESK_PASSWORD), else it is null."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk history --limit 5",
                "  LINKDESK_PASSWORD=... linkdesk history --json --limit 1"})
final class HistoryCommand implements Callable<Integer> {
    static final int MAX_LIMIT = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    private LinkdeskCommand root;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many links to list (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print a JSON array.")
    private boolean json;

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("--limit takes a number from 1 to " + MAX_LIMIT + " (got " + limit + ").");
        }
        Services services = root.services();
        List<ShareRecord> shares = services.shares().newest(limit, 0);
        Instant now = services.clock().instant();
        if (json) {
            boolean withUrls = !shares.isEmpty() && root.unlockVaultIfPasswordGiven();
            ArrayNode array = Json.array();
            for (ShareRecord share : shares) {
                array.add(toJson(share, now, withUrls ? services.shares().url(share.id()).orElse(null) : null));
            }
            root.io().out().println(Json.write(array));
        } else if (shares.isEmpty()) {
            root.io().out().println("No links in the history yet.");
        } else {
            table(shares, now);
        }
        return ExitCodes.OK;
    }

    private void table(List<ShareRecord> shares, Instant now) {
        ZoneId zone = ZoneId.systemDefault();
        TextTable table = new TextTable("CREATED", "PROFILE", "BUCKET/KEY", "METHOD", "EXPIRES", "STATUS");
        for (ShareRecord share : shares) {
            table.add(TIME.format(share.createdAt().atZone(zone)), share.profileName(),
                    share.bucket() + "/" + share.key(), share.method().name(), TIME.format(share.expiresAt().atZone(zone)),
                    share.status(now).label());
        }
        table.print(root.io().out());
    }

    private static ObjectNode toJson(ShareRecord share, Instant now, String url) {
        ObjectNode node = Json.object();
        node.put("id", share.id());
        node.put("createdAt", Json.time(share.createdAt()));
        node.put("profile", share.profileName());
        node.put("bucket", share.bucket());
        node.put("key", share.key());
        node.put("method", share.method().name());
        node.put("expiresAt", Json.time(share.expiresAt()));
        node.put("status", share.status(now).name());
        node.put("url", url);
        return node;
    }
}
