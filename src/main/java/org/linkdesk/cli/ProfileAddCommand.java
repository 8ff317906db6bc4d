package org.linkdesk.cli;

import java.util.concurrent.Callable;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.profiles.ProviderPreset;
import org.linkdesk.profiles.SecretStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk profiles add NAME}. */
@Command(name = "add", sortOptions = false, header = "Create a profile.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  (echo \"$MASTER_PASSWORD\"; echo \"$SECRET\") | linkdesk profiles add work --password-stdin "
                        + "--access-key-id AKIA... --region eu-west-1 --secret-stdin",
                "  echo \"$SECRET\" | linkdesk profiles add work --access-key-id AKIA... --region eu-west-1 "
                        + "--secret-stdin --store keychain",
                "  linkdesk profiles add r2 --provider r2 --account-id 0123...cdef --from-env",
                "  linkdesk profiles add dev --aws-profile dev-sso"})
final class ProfileAddCommand implements Callable<Integer> {
    @ParentCommand
    private ProfilesCommand parent;

    @Parameters(paramLabel = "NAME", description = "The new profile's name.")
    private String name;

    @Mixin
    private ProfileFieldOptions fields;

    @Option(names = "--json", description = "Print the new profile as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        LinkdeskCommand root = parent.root;
        var profiles = root.services().profiles();
        ProviderPreset preset = fields.provider != null ? fields.provider : ProviderPreset.guess(fields.endpoint);
        String region = fields.region != null ? fields.region : preset.defaultRegion();
        String endpoint = fields.endpointFor(region, null);
        boolean pathStyle = fields.pathStyle != null ? fields.pathStyle : preset.pathStyle();
        ProfileDraft draft;
        if (fields.awsProfile != null) {
            draft = new ProfileDraft(name, null, null, null, false, region, endpoint, pathStyle, fields.awsProfile,
                    preset.name(), SecretStorage.AWS_CLI);
        } else {
            SecretStorage storage = fields.storage != null ? fields.storage : SecretStorage.VAULT;
            if (storage == SecretStorage.VAULT) {
                // On a fresh data folder the given password becomes the master password (as 'linkdesk init').
                if (root.passwordGiven() && !root.services().vault().isCreated() && root.createVault()) {
                    root.io().err().println("linkdesk: set the master password of "
                            + root.services().dataDirectory() + " (first use).");
                }
                root.unlockVault();
            }
            fields.readSecrets(root);
            if (fields.secret == null) {
                throw new CliException(ExitCodes.USAGE, "Give the secret with --secret-stdin or --from-env (or use "
                        + "--aws-profile NAME).");
            }
            draft = new ProfileDraft(name, fields.accessKeyId, fields.secret, fields.sessionToken, false, region,
                    endpoint, pathStyle, null, preset.name(), storage);
        }
        Profile p = profiles.create(draft);
        if (json) {
            root.io().out().println(Json.write(ProfilesCommand.toJson(p)));
        } else {
            root.io().out().println("Created profile " + p.name() + " (" + ProfilesCommand.storageWord(p) + ").");
        }
        return ExitCodes.OK;
    }
}
