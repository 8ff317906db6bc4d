package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.linkdesk.profiles.ConnectionTest;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.SecretStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk profiles test NAME}: lists the buckets (or HEADs one) to check the credentials work. */
@Command(name = "test", sortOptions = false, header = "Check that a profile's credentials work "
        + "(lists the buckets, or checks one with --bucket).")
final class ProfileTestCommand implements Callable<Integer> {
    @ParentCommand
    private ProfilesCommand parent;

    @Parameters(paramLabel = "NAME", description = "The profile to test.")
    private String name;

    @Option(names = "--bucket", paramLabel = "BUCKET", description = "Check this bucket instead of listing "
            + "(for keys that may not list buckets).")
    private String bucket;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        LinkdeskCommand root = parent.root;
        var services = root.services();
        Profile p = services.profiles().find(name).orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND,
                "There is no profile named \"" + name + "\"; 'linkdesk profiles' lists them."));
        if (p.storage() == SecretStorage.VAULT) {
            root.unlockVault();
        }
        ConnectionTest.Result r = new ConnectionTest(services.profiles(), services.s3()).run(p, bucket);
        if (json) {
            ObjectNode node = Json.object();
            node.put("profile", p.name());
            node.put("ok", r.ok());
            node.put("message", r.message());
            node.put("bucketRegion", r.bucketRegion());
            node.put("clockWarning", r.clockWarning());
            root.io().out().println(Json.write(node));
        } else if (r.ok()) {
            root.io().out().println(r.message());
        }
        if (r.clockWarning() != null) {
            root.io().warn(r.clockWarning());
        }
        if (!r.ok()) {
            if (!json) {
                root.io().error(r.message());
            }
            return ExitCodes.UNAVAILABLE;
        }
        return ExitCodes.OK;
    }
}
