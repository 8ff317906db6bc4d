package org.linkdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk share …}: protected links answered by {@code linkdesk serve}. */
@Command(name = "share", sortOptions = false,
        header = "Protected links: a password, a download limit, an expiry, revocation and a download log.",
        description = {"The links point at a share gateway ('linkdesk serve'); it checks each download and redirects "
                + "to a presigned URL that lives 60 seconds."},
        subcommands = {ShareCreateCommand.class, ShareListCommand.class, ShareEditCommand.class,
                ShareRevokeCommand.class, ShareLogCommand.class, SharePurgeCommand.class, ShareConfigCommand.class})
final class ShareCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    private LinkdeskCommand root;

    @Override
    public Integer call() {
        root.io().error("choose a subcommand: create, list, edit, revoke, log, purge or config "
                + "(see 'linkdesk share --help').");
        return ExitCodes.USAGE;
    }

    LinkdeskCommand root() {
        return root;
    }

    ProtectedShareService shares() {
        return root.services().protectedShares();
    }

    /** The share password from the first line of standard input ({@code --password-stdin}). */
    char[] readSharePassword() {
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

    static String status(ProtectedShare share, Instant now) {
        return share.state(now).label();
    }
}
