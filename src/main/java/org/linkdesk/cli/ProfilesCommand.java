package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkdesk.profiles.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk profiles}: list (the default), add, edit, remove, import-aws and test credential profiles. */
@Command(name = "profiles", sortOptions = false,
        header = "List and manage the saved credential profiles (no secrets shown).",
        description = {"Without a subcommand: the same as 'profiles list'.",
                "Secrets are read from standard input (--secret-stdin) or the environment (--from-env), never from "
                        + "the command line."},
        subcommands = {ProfilesCommand.ListCommand.class, ProfileAddCommand.class, ProfileEditCommand.class,
                ProfilesCommand.RemoveCommand.class, ProfileImportAwsCommand.class, ProfileTestCommand.class,
                ProfileDeliveryCommand.class})
final class ProfilesCommand implements Callable<Integer> {
    static final String AWS = "Amazon S3";

    @ParentCommand
    LinkdeskCommand root;

    @Option(names = "--json", description = "Print a JSON array.")
    private boolean json;

    @Override
    public Integer call() {
        return list(root, json);
    }

    static int list(LinkdeskCommand root, boolean json) {
        List<Profile> profiles = root.services().profiles().list();
        if (json) {
            ArrayNode array = Json.array();
            profiles.forEach(p -> array.add(toJson(p)));
            root.io().out().println(Json.write(array));
        } else if (profiles.isEmpty()) {
            root.io().out().println("No profiles yet; create one in the Linkdesk window, or with 'linkdesk profiles "
                    + "add' or 'linkdesk profiles import-aws'.");
        } else {
            TextTable table = new TextTable("NAME", "ACCESS KEY ID", "REGION", "ENDPOINT", "SECRET IN");
            for (Profile p : profiles) {
                String endpoint = p.endpointUrl() == null || p.endpointUrl().isBlank() ? AWS : p.endpointUrl();
                table.add(p.name(), p.isAwsReference() ? "(AWS CLI profile " + p.awsProfile() + ")"
                        : p.accessKeyId(), p.region(), endpoint + (p.pathStyle() ? " (path style)" : ""),
                        storageWord(p));
            }
            table.print(root.io().out());
        }
        return ExitCodes.OK;
    }

    static String storageWord(Profile p) {
        return switch (p.storage()) {
            case VAULT -> "vault";
            case KEYCHAIN -> "keychain";
            case AWS_CLI -> "~/.aws";
        };
    }

    static ObjectNode toJson(Profile p) {
        ObjectNode node = Json.object();
        node.put("name", p.name());
        node.put("accessKeyId", p.accessKeyId());
        node.put("region", p.region());
        node.put("endpoint", p.endpointUrl());
        node.put("pathStyle", p.pathStyle());
        node.put("sessionToken", p.hasSessionToken());
        node.put("awsProfile", p.awsProfile());
        node.put("provider", p.provider());
        node.put("secretStorage", p.storage().name());
        return node;
    }

    @Command(name = "list", header = "List the saved profiles (no secrets; no password needed).")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        private ProfilesCommand parent;

        @Option(names = "--json", description = "Print a JSON array.")
        private boolean json;

        @Override
        public Integer call() {
            return list(parent.root, json);
        }
    }

    @Command(name = "remove", header = "Delete a profile; links already made keep its name in the history.")
    static final class RemoveCommand implements Callable<Integer> {
        @ParentCommand
        private ProfilesCommand parent;

        @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "The profile to delete.")
        private String name;

        @Option(names = "--json", description = "Print the deleted profile as JSON.")
        private boolean json;

        @Override
        public Integer call() {
            var profiles = parent.root.services().profiles();
            Profile p = profiles.find(name).orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND,
                    "There is no profile named \"" + name + "\"; 'linkdesk profiles' lists them."));
            profiles.delete(p.id());
            if (json) {
                parent.root.io().out().println(Json.write(toJson(p).put("removed", true)));
            } else {
                parent.root.io().out().println("Removed profile " + p.name() + ".");
            }
            return ExitCodes.OK;
        }
    }
}
