package org.linkdesk.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.shares.ShareChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk share edit ID}: a new expiry, limit or password for an existing link (same URL). */
@Command(name = "edit", sortOptions = false, header = "Change a protected link's expiry, limit or password.",
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk share edit ID --expires 14d --max-downloads 20",
                "  printf '%s\\n' \"$PW\" | linkdesk share edit ID --password-stdin",
                "  linkdesk share edit ID --no-password"})
final class ShareEditCommand implements Callable<Integer> {
    @ParentCommand
    private ShareCommand share;

    @Option(names = "--expires", paramLabel = "DURATION", description = "Expire DURATION from now (1m to 365d).")
    private String expires;

    @Option(names = "--max-downloads", paramLabel = "N", description = "The new limit (counting downloads so far); "
            + "0 removes the limit.")
    private Integer maxDownloads;

    @Option(names = "--no-password", description = "Remove the password.")
    private boolean noPassword;

    @Option(names = "--json", description = "Print the share as JSON.")
    private boolean json;

    @Parameters(index = "0", paramLabel = "ID")
    private String id;

    @Override
    public Integer call() {
        boolean newPassword = share.root().takePasswordStdin();
        if (newPassword && noPassword) {
            throw new CliException(ExitCodes.USAGE, "Give either --password-stdin or --no-password, not both.");
        }
        if (!newPassword && !noPassword && expires == null && maxDownloads == null) {
            throw new CliException(ExitCodes.USAGE, "Nothing to change: give --expires, --max-downloads, "
                    + "--password-stdin or --no-password.");
        }
        ProtectedShareService service = share.shares();
        char[] password = newPassword ? share.readSharePassword() : null;
        try {
            ShareChanges.PasswordChange change = newPassword ? ShareChanges.PasswordChange.SET
                    : noPassword ? ShareChanges.PasswordChange.REMOVE : ShareChanges.PasswordChange.KEEP;
            ProtectedShare edited = service.edit(id, new ShareChanges(expires == null ? null : Durations.parse(expires),
                    maxDownloads, change, password));
            if (json) {
                share.root().io().out().println(Json.write(ShareJson.of(edited, service, service.clock().instant())));
            } else {
                share.root().io().out().println("Changed " + edited.id() + ": expires " + Json.time(edited.expiresAt())
                        + ", downloads " + edited.downloads() + "/" + (edited.maxDownloads() == null ? "unlimited"
                        : edited.maxDownloads()) + (edited.passwordProtected() ? ", password" : ", no password") + ".");
            }
            return ExitCodes.OK;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
