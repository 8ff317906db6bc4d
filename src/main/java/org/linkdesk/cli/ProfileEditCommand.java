package org.linkdesk.cli;

import java.util.concurrent.Callable;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.profiles.SecretStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk profiles edit NAME}: changes only what is given. */
@Command(name = "edit", sortOptions = false, header = "Change a profile; options not given stay as they are.",
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk profiles edit work --rename work-eu --region eu-west-1",
                "  linkdesk profiles edit work --store keychain     (moves the secret out of the vault)"})
final class ProfileEditCommand implements Callable<Integer> {
    @ParentCommand
    private ProfilesCommand parent;

    @Parameters(paramLabel = "NAME", description = "The profile to change.")
    private String name;

    @Option(names = "--rename", paramLabel = "NEW_NAME", description = "A new name.")
    private String newName;

    @Mixin
    private ProfileFieldOptions fields;

    @Option(names = "--json", description = "Print the changed profile as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        LinkdeskCommand root = parent.root;
        var profiles = root.services().profiles();
        Profile p = profiles.find(name).orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND,
                "There is no profile named \"" + name + "\"; 'linkdesk profiles' lists them."));
        String region = fields.region != null ? fields.region
                : fields.provider != null ? fields.provider.defaultRegion() : p.region();
        String endpoint = fields.endpointFor(region, p.endpointUrl());
        boolean pathStyle = fields.pathStyle != null ? fields.pathStyle
                : fields.provider != null ? fields.provider.pathStyle() : p.pathStyle();
        String provider = fields.provider != null ? fields.provider.name() : p.provider();
        String awsProfile = fields.awsProfile != null ? fields.awsProfile
                : fields.storage != null || fields.accessKeyId != null ? null : p.awsProfile();
        SecretStorage storage = awsProfile != null ? SecretStorage.AWS_CLI
                : fields.storage != null ? fields.storage
                : p.storage() == SecretStorage.AWS_CLI ? SecretStorage.VAULT : p.storage();
        if (storage == SecretStorage.VAULT || p.storage() == SecretStorage.VAULT) {
            if (storage != p.storage() || fields.secretStdin || fields.fromEnv) {
                root.unlockVault();
            }
        }
        fields.readSecrets(root);
        String accessKeyId = fields.accessKeyId != null ? fields.accessKeyId : p.accessKeyId();
        ProfileDraft draft = new ProfileDraft(newName != null ? newName : p.name(), accessKeyId, fields.secret,
                fields.sessionToken, fields.sessionToken == null, region, endpoint, pathStyle, awsProfile, provider,
                storage);
        Profile changed = profiles.update(p.id(), draft);
        if (json) {
            root.io().out().println(Json.write(ProfilesCommand.toJson(changed)));
        } else {
            root.io().out().println("Changed profile " + changed.name() + " (" + ProfilesCommand.storageWord(changed)
                    + ").");
        }
        return ExitCodes.OK;
    }
}
