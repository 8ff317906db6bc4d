package org.linkdesk.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.linkdesk.core.s3.ObjectInfo;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.links.DownloadNames;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk share create s3://BUCKET/KEY}: a protected link, printed once it is stored. */
@Command(name = "create", sortOptions = false, header = "Make a protected link to an object.",
        description = {"Checks the object (HEAD) with the given credentials, stores the share and prints its URL.",
                "The owner is the saved profile's name, else your user name."},
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk share create --expires 3d --max-downloads 5 s3://reports/q1.pdf",
                "  printf '%s\\n' \"$PW\" | linkdesk share create --password-stdin --json s3://reports/q1.pdf"})
final class ShareCreateCommand implements Callable<Integer> {
    @ParentCommand
    private ShareCommand share;

    @Mixin
    private IdentityOptions identity;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "7d",
            description = "How long the link works: 30m, 12h, 7d, 90d; 1 minute to 365 days (default: 7d).")
    private String expires;

    @Option(names = "--max-downloads", paramLabel = "N", description = "Stop after N downloads (default: no limit).")
    private Integer maxDownloads;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with the share.")
    private String note;

    @Option(names = "--json", description = "Print {id, url, expiresAt, maxDownloads, passwordProtected} as JSON.")
    private boolean json;

    @Parameters(index = "0", paramLabel = "s3://BUCKET/KEY", description = "The object to share.")
    private String object;

    @Override
    public Integer call() {
        LinkdeskCommand root = share.root();
        boolean withPassword = root.takePasswordStdin();
        S3Uri target = S3Uri.parse(object);
        ProtectedShareService service = share.shares();
        service.requirePublicUrl();
        char[] password = withPassword ? share.readSharePassword() : null;
        try {
            SigningIdentity signer = identity.resolve(root);
            ObjectInfo info = root.services().s3().headObject(signer.endpoint(), signer.credentials(),
                    target.bucket(), target.key());
            String owner = signer.profileId() != null ? signer.profileName() : System.getProperty("user.name");
            ProtectedShare made = root.services().protectedHistory().create(new NewProtectedShare(owner,
                    target.bucket(), target.key(), DownloadNames.fileName(target.key()), info.size(),
                    Durations.parse(expires), maxDownloads, password, note), signer.profileId(),
                    signer.profileId() != null ? signer.profileName() : null).share();
            if (json) {
                var node = Json.object();
                node.put("id", made.id());
                node.put("url", service.link(made));
                node.put("expiresAt", Json.time(made.expiresAt()));
                if (made.maxDownloads() == null) {
                    node.putNull("maxDownloads");
                } else {
                    node.put("maxDownloads", made.maxDownloads());
                }
                node.put("passwordProtected", made.passwordProtected());
                root.io().out().println(Json.write(node));
            } else {
                root.io().out().println(service.link(made));
            }
            return ExitCodes.OK;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
