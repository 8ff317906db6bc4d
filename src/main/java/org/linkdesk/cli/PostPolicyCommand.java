package org.linkdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.upload.PostPolicies;
import org.linkdesk.upload.PostPolicyOutputs;
import org.linkdesk.upload.PostPolicyRequest;
import org.linkdesk.upload.PresignedPost;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk post-policy}: an upload link for someone else that limits key, size and type. */
@Command(name = "post-policy", sortOptions = false,
        header = "Make an upload link for someone else (a browser POST policy) that limits key, size and type.",
        description = {"Prints {url, fields} JSON shaped like boto3's generate_presigned_post (default or --json), a "
                + "curl command (--curl), or writes a self-contained HTML upload page (--html FILE).",
                "Note: the server enforces the conditions; some S3-compatible servers only check the signature."},
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk post-policy --key-prefix inbox/ --max-size 100MiB --html upload.html s3://shared/",
                "  linkdesk post-policy --key scans/form.pdf --content-type application/pdf --curl s3://shared/",
                "  linkdesk post-policy --content-type-prefix image/ --expires 2d --meta from=alice s3://shared/"})
final class PostPolicyCommand implements Callable<Integer> {

    @ParentCommand
    private LinkdeskCommand root;

    @Mixin
    private IdentityOptions identity;

    @Option(names = "--json", description = "Print {url, fields} JSON (the default).")
    private boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML upload page.")
    private Path html;

    @Option(names = "--curl", description = "Print a curl command that uploads FILE.")
    private boolean curl;

    @Option(names = "--key", paramLabel = "KEY", description = "The exact key the upload gets.")
    private String key;

    @Option(names = "--key-prefix", paramLabel = "PREFIX",
            description = "Uploads go to PREFIX + the uploaded file's name (${filename}); default: the prefix of "
                    + "s3://BUCKET/PREFIX.")
    private String keyPrefix;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "5GiB",
            description = "Largest allowed file (default: 5GiB, the POST limit).")
    private long maxSize;

    @Option(names = "--min-size", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "0",
            description = "Smallest allowed file (default: 0).")
    private long minSize;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "The exact Content-Type allowed.")
    private String contentType;

    @Option(names = "--content-type-prefix", paramLabel = "PREFIX",
            description = "Content-Types allowed by prefix, e.g. image/.")
    private String contentTypePrefix;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the link works (default: 1h; at most 7d).")
    private Duration expires;

    @Option(names = "--redirect", paramLabel = "URL", description = "Where the browser goes after a success.")
    private String redirect;

    @Option(names = "--success-status", paramLabel = "200|201|204", defaultValue = "204",
            description = "The status of a success without --redirect (default: 204).")
    private int successStatus;

    @Option(names = "--meta", paramLabel = "NAME=VALUE", description = "x-amz-meta-NAME every upload carries. "
            + "Repeatable.")
    private List<String> meta = List.of();

    @Parameters(paramLabel = "s3://BUCKET/", description = "The bucket (and an optional key prefix).")
    private String where;

    @Override
    public Integer call() throws IOException {
        if ((json ? 1 : 0) + (html != null ? 1 : 0) + (curl ? 1 : 0) > 1) {
            throw new InvalidInputException("Choose one of --json, --html FILE and --curl.");
        }
        S3Prefix target = S3Prefix.parse(where);
        Map<String, String> metadata = new LinkedHashMap<>();
        for (String m : meta) {
            int eq = m.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("--meta takes NAME=VALUE, not '" + m + "'.");
            }
            metadata.put(m.substring(0, eq), m.substring(eq + 1));
        }
        String prefix = key != null ? null : keyPrefix != null ? keyPrefix : target.asFolder();
        PostPolicyRequest request = new PostPolicyRequest(target.bucket(), key, prefix, minSize, maxSize,
                contentType, contentTypePrefix, expires, redirect, successStatus, metadata);
        SigningIdentity who = identity.resolve(root);
        PresignedPost post = PostPolicies.sign(who.endpoint(), who.credentials(), request,
                Clock.systemUTC().instant());
        if (html != null) {
            Files.writeString(html, PostPolicyOutputs.html(post), StandardCharsets.UTF_8);
            root.io().err().println("linkdesk: wrote " + html + " (" + PostPolicyOutputs.allowed(post) + ")");
        } else if (curl) {
            root.io().out().println(PostPolicyOutputs.curl(post, "FILE"));
        } else {
            root.io().out().println(PostPolicyOutputs.json(post));
        }
        return ExitCodes.OK;
    }
}
