package org.linkdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.linkdesk.team.TeamSettings;
import org.linkdesk.wiring.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk team config}: shows or sets this computer's team database and display name. */
@Command(name = "config", sortOptions = false,
        header = "Show or set this computer's team database and display name.",
        description = {"Without options, shows what is used and where each part comes from.",
                "The password is kept encrypted by your vault (read from standard input with --password-stdin); "
                        + "PGPASSWORD and ~/.pgpass are used first when they have one."},
        footerHeading = "%nExamples:%n",
        footer = {"  echo \"$DBPASS\" | linkdesk team config --url jdbc:postgresql://db.example.com/linkdesk \\",
                "      --user alice --password-stdin --display-name \"Alice Martin\"",
                "  linkdesk team config",
                "  linkdesk team config --off"})
final class TeamConfigCommand implements Callable<Integer> {
    @ParentCommand
    private TeamCommand team;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "The team database, e.g. jdbc:postgresql://db.example.com/linkdesk.")
    private String url;

    @Option(names = "--user", paramLabel = "NAME", description = "The database user (blank: PGUSER or the URL's).")
    private String user;

    @Option(names = "--no-password", description = "Forget the kept password.")
    private boolean noPassword;

    @Option(names = "--display-name", paramLabel = "NAME",
            description = "The name your links are recorded under (default: the system user).")
    private String displayName;

    @Option(names = "--off", description = "Turn team mode off on this computer (forgets the URL and the password).")
    private boolean off;

    @Override
    public Integer call() {
        LinkdeskCommand root = team.root();
        boolean passwordFromStdin = root.takePasswordStdin();
        Services services = root.servicesWithoutTeam();
        TeamSettings settings = services.teamSettings(root.io().env());
        if (off) {
            if (url != null || user != null || passwordFromStdin || displayName != null) {
                throw new CliException(ExitCodes.USAGE, "--off takes no other option.");
            }
            settings.turnOff();
            root.io().out().println("Team mode is off on this computer.");
            if (settings.environmentUrlSet()) {
                root.io().err().println("linkdesk: note: LINKDESK_DATABASE is set in this environment, so commands "
                        + "run here still use the team database; unset it to work alone.");
            }
            return ExitCodes.OK;
        }
        boolean changing = url != null || user != null || passwordFromStdin || noPassword || displayName != null;
        if (changing) {
            TeamSettings.Stored now = settings.stored();
            String newUrl = url != null ? url : now.url();
            if (newUrl == null && (user != null || passwordFromStdin || noPassword)) {
                throw new CliException(ExitCodes.USAGE, "Give the team database with --url first.");
            }
            char[] password = passwordFromStdin ? readPassword(root) : noPassword ? new char[0] : null;
            try {
                if (newUrl == null) {
                    settings.saveDisplayName(displayName);
                } else {
                    settings.save(newUrl, user != null ? user : now.user(), password,
                            displayName != null ? displayName : now.displayName());
                }
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }
        print(root, settings);
        return ExitCodes.OK;
    }

    private static char[] readPassword(LinkdeskCommand root) {
        try {
            String line = root.io().stdin().readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--password-stdin was given but standard input has no "
                        + "password.");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the password from standard input.", e);
        }
    }

    private void print(LinkdeskCommand root, TeamSettings settings) {
        var out = root.io().out();
        var resolved = settings.resolve(root.databaseOption());
        if (resolved.isEmpty()) {
            out.println("Team mode: off (personal history on this computer).");
            out.println("Display name: " + settings.displayName());
            return;
        }
        var r = resolved.get();
        out.println("Team database: " + r.connection().safeUrl() + " (from " + r.urlSource().label() + ")");
        out.println("User: " + (r.connection().user() != null ? r.connection().user() + " (from "
                + r.userSource().label() + ")" : "the URL's or the system user's"));
        out.println("Password: " + switch (r.passwordSource()) {
            case NONE -> "none given (the server may not need one)";
            case VAULT_LOCKED -> "kept in the vault (unlocked when the master password is given)";
            default -> "from " + r.passwordSource().label();
        });
        out.println("Display name: " + r.displayName());
    }
}
