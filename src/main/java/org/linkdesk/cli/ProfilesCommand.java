package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkdesk.profiles.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk profiles}: the saved credential profiles, without their secrets. */
@Command(name = "profiles", sortOptions = false,
        header = "List the saved credential profiles (no secrets; no password needed).",
        description = "Profiles are created and edited in the Linkdesk window.")
final class ProfilesCommand implements Callable<Integer> {
    static final String AWS = "Amazon S3";

    @ParentCommand
    private LinkdeskCommand root;

    @Option(names = "--json", description = "Print a JSON array.")
    private boolean json;

    @Override
    public Integer call() {
        List<Profile> profiles = root.services().profiles().list();
        if (json) {
            ArrayNode array = Json.array();
            for (Profile p : profiles) {
                ObjectNode node = array.addObject();
                node.put("name", p.name());
                node.put("accessKeyId", p.accessKeyId());
                node.put("region", p.region());
                node.put("endpoint", p.endpointUrl());
                node.put("pathStyle", p.pathStyle());
                node.put("sessionToken", p.hasSessionToken());
            }
            root.io().out().println(Json.write(array));
        } else if (profiles.isEmpty()) {
            root.io().out().println("No profiles yet; create one in the Linkdesk window.");
        } else {
            TextTable table = new TextTable("NAME", "ACCESS KEY ID", "REGION", "ENDPOINT");
            for (Profile p : profiles) {
                String endpoint = p.endpointUrl() == null || p.endpointUrl().isBlank() ? AWS : p.endpointUrl();
                table.add(p.name(), p.accessKeyId(), p.region(), endpoint + (p.pathStyle() ? " (path style)" : ""));
            }
            table.print(root.io().out());
        }
        return ExitCodes.OK;
    }
}
