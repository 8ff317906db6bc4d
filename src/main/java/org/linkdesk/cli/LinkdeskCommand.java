package org.linkdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linkdesk.wiring.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code linkdesk}: the options every subcommand accepts, and the session they share. */
@Command(name = "linkdesk",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%n",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        header = "Make and track presigned links for S3 objects.",
        description = {
                "Without arguments (or with only --data-dir) linkdesk opens its window.",
                "Without --profile, commands sign with the standard AWS environment variables."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  ok",
                "  2  bad usage or invalid input (also a wrong master password)",
                "  3  not found (object, bucket or profile)",
                "  4  access denied",
                "  5  network, server or local database error",
                "",
                "Examples: see docs/CLI.md, or 'linkdesk help presign'."},
        subcommands = {InitCommand.class, PresignCommand.class, LsCommand.class, VerifyCommand.class, HistoryCommand.class,
                ProfilesCommand.class, ShareCommand.class, ServeCommand.class, TestLinkCommand.class, QrCommand.class,
                CloudFrontSignCommand.class,
                UploadCommand.class, UploadsCommand.class, PostPolicyCommand.class, PresignMultipartCommand.class,
                TeamCommand.class,
                HelpCommand.class})
final class LinkdeskCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (default: $LINKDESK_HOME, else the user data directory).")
    private Path dataDir;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT,
            description = "Read the master password from the first line of standard input "
                    + "(default: $" + Session.PASSWORD_VARIABLE + ").")
    private boolean passwordStdin;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error (also: LINKDESK_DEBUG=1).")
    private boolean debug;

    // Team mode (issue 16): the team's PostgreSQL database, also from LINKDESK_DATABASE.
    @Option(names = "--database", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "Team database, e.g. jdbc:postgresql://db.example.com/linkdesk (default: "
                    + "$LINKDESK_DATABASE); user and password from PGUSER/PGPASSWORD or ~/.pgpass.")
    private String database;
    private boolean teamAttached;

    private final CliIo io;
    private final Session session;

    LinkdeskCommand(CliIo io, Session session) {
        this.io = io;
        this.session = session;
    }

    @Override
    public Integer call() {
        io.error("choose a command: init, presign, ls, verify, history, profiles, share, serve, test, qr, cloudfront-sign, upload, uploads, post-policy or presign-multipart (see 'linkdesk --help').");
        return ExitCodes.USAGE;
    }

    CliIo io() {
        return io;
    }

    Services services() {
        Services services = session.services(dataDir);
        services.profiles().useAwsFiles(org.linkdesk.profiles.awsconfig.AwsConfigFiles.locate(io.env(),
                System.getProperty("user.home")));
        if (!teamAttached) {
            teamAttached = true;
            TeamOption.attach(services, database, io, () -> {
                String master = io.env().get(Session.PASSWORD_VARIABLE);
                if (master != null && !master.isEmpty()) {
                    session.unlockVaultIfPasswordGiven(dataDir, false);
                }
            });
            session.watchTeam(services);
        }
        return services;
    }

    /** The services in personal mode whatever the team settings say ({@code team config} mends broken ones). */
    Services servicesWithoutTeam() {
        teamAttached = true;
        return session.services(dataDir);
    }

    /** {@code --database}, or null. */
    String databaseOption() {
        return database;
    }

    /** Unlocks the vault, or fails with exit code 2 when no password was given. */
    void unlockVault() {
        session.unlockVault(dataDir, passwordStdin);
    }

    /** Sets the master password of a fresh data directory; false when it was set already (and matches). */
    boolean createVault() {
        return session.createVault(dataDir, passwordStdin);
    }

    boolean passwordGiven() {
        return session.passwordGiven(passwordStdin);
    }

    /** Unlocks the vault if a password was given; returns whether it is unlocked. */
    boolean unlockVaultIfPasswordGiven() {
        return session.unlockVaultIfPasswordGiven(dataDir, passwordStdin);
    }

    /**
     * For {@code share create/edit}: {@code --password-stdin} there gives the share's password, so it no longer
     * reads the master password (which then comes from LINKDESK_PASSWORD). Returns whether it was given.
     */
    boolean takePasswordStdin() {
        boolean given = passwordStdin;
        passwordStdin = false;
        return given;
    }

    boolean debug() {
        if (debug) {
            return true;
        }
        String env = io.env().get("LINKDESK_DEBUG");
        return env != null && !env.isBlank() && !env.equals("0") && !env.equalsIgnoreCase("false");
    }
}
