package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.linkdesk.profiles.AwsImport;
import org.linkdesk.profiles.AwsImport.Clash;
import org.linkdesk.profiles.SecretStorage;
import org.linkdesk.profiles.awsconfig.AwsConfigFiles;
import org.linkdesk.profiles.awsconfig.AwsConfigReader;
import org.linkdesk.profiles.awsconfig.AwsProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk profiles import-aws}: AWS CLI profiles into Linkdesk, all or nothing. */
@Command(name = "import-aws", sortOptions = false,
        header = "Import profiles from ~/.aws/credentials and ~/.aws/config (all or nothing).",
        description = {"Reads AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE when set.",
                "Access keys are copied into the vault (or --store keychain) unless --by-reference; SSO, "
                        + "assumed-role and credential_process profiles are always used by reference."},
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk profiles import-aws --dry-run",
                "  linkdesk profiles import-aws default work --on-clash rename",
                "  linkdesk profiles import-aws --by-reference --json"})
final class ProfileImportAwsCommand implements Callable<Integer> {
    @ParentCommand
    private ProfilesCommand parent;

    @Parameters(arity = "0..*", paramLabel = "AWS_PROFILE", description = "Profiles to import (default: all "
            + "that have credentials).")
    private List<String> names = new ArrayList<>();

    @Option(names = "--on-clash", paramLabel = "ACTION", description = "When a Linkdesk profile of the same name "
            + "exists: rename, skip or replace (default: stop and say which).")
    private String onClash;

    @Option(names = "--by-reference", description = "Refer to the AWS CLI profiles; copy no keys.")
    private boolean byReference;

    @Option(names = "--store", paramLabel = "WHERE", converter = ProfileFieldOptions.StorageConverter.class,
            description = "Where copied keys go: vault (default) or keychain.")
    private SecretStorage storage;

    @Option(names = "--dry-run", description = "Only show what would be imported (secrets masked).")
    private boolean dryRun;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        LinkdeskCommand root = parent.root;
        AwsConfigFiles files = AwsConfigFiles.locate(root.io().env(), System.getProperty("user.home"));
        AwsConfigReader.Result read = AwsConfigReader.read(files);
        read.warnings().forEach(root.io()::warn);
        if (read.filesRead().isEmpty()) {
            throw new CliException(ExitCodes.NOT_FOUND, "No AWS CLI configuration found (looked for "
                    + files.credentials() + " and " + files.config() + ").");
        }
        List<AwsProfile> chosen = new ArrayList<>();
        if (names.isEmpty()) {
            read.profiles().stream().filter(AwsImport::importable).forEach(chosen::add);
        } else {
            for (String n : names) {
                AwsProfile p = read.find(n).orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND,
                        "There is no AWS CLI profile named \"" + n + "\"; found: " + String.join(", ",
                        read.profiles().stream().map(AwsProfile::name).toList()) + "."));
                chosen.add(p);
            }
        }
        var profiles = root.services().profiles();
        List<String> clashes = chosen.stream().map(AwsProfile::name).filter(n -> profiles.find(n).isPresent())
                .toList();
        if (dryRun) {
            print(root, chosen, clashes);
            return ExitCodes.OK;
        }
        Clash clash = clash();
        if (!clashes.isEmpty() && clash == null) {
            throw new CliException(ExitCodes.USAGE, "Linkdesk already has profiles named " + String.join(", ",
                    clashes) + "; choose --on-clash rename, skip or replace. Nothing was imported.");
        }
        SecretStorage where = storage != null ? storage : SecretStorage.VAULT;
        boolean copiesKeys = !byReference && chosen.stream().anyMatch(AwsProfile::hasStaticKeys);
        if (copiesKeys && where == SecretStorage.VAULT) {
            root.unlockVault();
        }
        List<AwsImport.Choice> choices = chosen.stream().map(p -> new AwsImport.Choice(p, p.name(),
                clash == null ? Clash.RENAME : clash, byReference, where)).toList();
        AwsImport.Outcome outcome = new AwsImport(profiles).run(choices);
        if (json) {
            ObjectNode node = Json.object();
            outcome.created().forEach(node.putArray("created")::add);
            outcome.replaced().forEach(node.putArray("replaced")::add);
            outcome.skipped().forEach(node.putArray("skipped")::add);
            root.io().out().println(Json.write(node));
        } else {
            root.io().out().println(outcome.summary() + (outcome.created().isEmpty() ? ""
                    : " New: " + String.join(", ", outcome.created()) + "."));
        }
        return ExitCodes.OK;
    }

    private Clash clash() {
        if (onClash == null) {
            return null;
        }
        try {
            return Clash.valueOf(onClash.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--on-clash takes rename, skip or replace, not '" + onClash
                    + "'.");
        }
    }

    private void print(LinkdeskCommand root, List<AwsProfile> chosen, List<String> clashes) {
        if (json) {
            ArrayNode array = Json.array();
            for (AwsProfile p : chosen) {
                ObjectNode n = array.addObject();
                n.put("name", p.name());
                n.put("kind", p.kind().name());
                n.put("accessKeyId", p.maskedAccessKeyId());
                n.put("region", p.region());
                n.put("endpoint", p.endpointUrl());
                n.put("pathStyle", p.pathStyle());
                n.put("byReference", byReference || AwsImport.referenceOnly(p));
                n.put("clash", clashes.contains(p.name()));
            }
            root.io().out().println(Json.write(array));
            return;
        }
        TextTable table = new TextTable("AWS PROFILE", "CREDENTIALS", "ACCESS KEY", "REGION", "ENDPOINT", "NOTE");
        for (AwsProfile p : chosen) {
            table.add(p.name(), p.detail(), p.maskedAccessKeyId(), p.region() == null ? "" : p.region(),
                    p.endpointUrl() == null ? ProfilesCommand.AWS : p.endpointUrl(),
                    clashes.contains(p.name()) ? "name taken" : "");
        }
        table.print(root.io().out());
    }
}
