package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.ShareRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk history}: the links made, newest first, searched and filtered; and its subcommands. */
@Command(name = "history", sortOptions = false,
        header = "List the links made, newest first.",
        description = {"With --json, each link's URL is included when the master password is given "
                + "(--password-stdin or LINKDESK_PASSWORD), else it is null."},
        subcommands = {HistoryExportCommand.class, HistoryImportCommand.class, HistoryPurgeCommand.class,
                HistoryRecheckCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk history --limit 5",
                "  linkdesk history --search invoice --status active",
                "  LINKDESK_PASSWORD=... linkdesk history --json --limit 1",
                "  linkdesk history export --format json shares.json",
                "  linkdesk history purge --expired --older-than 30d"})
final class HistoryCommand implements Callable<Integer> {
    static final int MAX_LIMIT = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    private LinkdeskCommand root;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Only links whose key, bucket, note or recipient contain every word of TEXT.")
    private String search;

    @Option(names = "--status", paramLabel = "S",
            description = "Only links with this status: active, expiring, expired, gone or changed.")
    private String status;

    @Option(names = "--profile", paramLabel = "P",
            description = "Only links signed with profile P ('environment' for environment credentials).")
    private String profile;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many links to list (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print a JSON array.")
    private boolean json;

    LinkdeskCommand root() {
        return root;
    }

    /** The query the filter options describe. */
    HistoryQuery query() {
        return HistoryFilters.query(search, status, profile);
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("--limit takes a number from 1 to " + MAX_LIMIT + " (got " + limit + ").");
        }
        HistoryQuery query = query();
        Services services = root.services();
        Instant now = services.clock().instant();
        List<HistoryEntry> shares = services.history().store().page(query, now, 0, limit, -1);
        if (json) {
            boolean withUrls = !shares.isEmpty() && root.unlockVaultIfPasswordGiven();
            ArrayNode array = Json.array();
            for (HistoryEntry share : shares) {
                array.add(toJson(share, now, withUrls ? services.shares().url(share.id()).orElse(null) : null));
            }
            root.io().out().println(Json.write(array));
        } else if (shares.isEmpty()) {
            boolean filtered = !query.equals(HistoryQuery.NEWEST_FIRST);
            root.io().out().println(filtered ? "No links match." : "No links in the history yet.");
        } else {
            table(shares, now);
        }
        return ExitCodes.OK;
    }

    private void table(List<HistoryEntry> shares, Instant now) {
        ZoneId zone = ZoneId.systemDefault();
        // A team history names each link's maker; a personal one has one maker and keeps its columns.
        boolean team = shares.stream().anyMatch(e -> e.madeBy() != null);
        TextTable table = team
                ? new TextTable("CREATED", "MADE BY", "PROFILE", "BUCKET/KEY", "METHOD", "EXPIRES", "STATUS")
                : new TextTable("CREATED", "PROFILE", "BUCKET/KEY", "METHOD", "EXPIRES", "STATUS");
        for (HistoryEntry entry : shares) {
            ShareRecord share = entry.share();
            String created = TIME.format(share.createdAt().atZone(zone));
            String object = share.bucket() + "/" + share.key();
            String expires = TIME.format(share.expiresAt().atZone(zone));
            if (team) {
                table.add(created, entry.madeBy(), share.profileName(), object, share.method().name(), expires,
                        entry.status(now).label());
            } else {
                table.add(created, share.profileName(), object, share.method().name(), expires,
                        entry.status(now).label());
            }
        }
        table.print(root.io().out());
    }

    static ObjectNode toJson(HistoryEntry entry, Instant now, String url) {
        ShareRecord share = entry.share();
        ObjectNode node = Json.object();
        node.put("id", share.id());
        node.put("createdAt", Json.time(share.createdAt()));
        node.put("profile", share.profileName());
        node.put("bucket", share.bucket());
        node.put("key", share.key());
        node.put("method", share.method().name());
        node.put("expiresAt", Json.time(share.expiresAt()));
        node.put("status", entry.status(now).name());
        node.put("url", url);
        node.put("accessKeyId", share.accessKeyId());
        node.put("note", entry.note());
        node.put("recipient", entry.recipient());
        ArrayNode tags = node.putArray("tags");
        entry.tags().forEach(tags::add);
        node.put("checkedAt", Json.time(entry.checkedAt()));
        if (entry.renewedFrom() == null) {
            node.putNull("renewedFrom");
        } else {
            node.put("renewedFrom", entry.renewedFrom());
        }
        if (entry.madeBy() != null) {
            node.put("madeBy", entry.madeBy());
        }
        return node;
    }
}
