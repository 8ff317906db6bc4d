package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.linkdesk.core.s3.ObjectInfo;
import org.linkdesk.links.SigningIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk verify}: asks S3 (HEAD) whether an object exists and what it is. */
@Command(name = "verify", sortOptions = false,
        header = "Check that an object exists and show its size, type, date and ETag.",
        description = "Exit code 3 when the object or bucket does not exist, 4 when access is denied.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk verify s3://reports/2025/q1.pdf",
                "  linkdesk verify --profile work --json s3://reports/2025/q1.pdf"})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private LinkdeskCommand root;

    @Mixin
    private IdentityOptions identity;

    @Option(names = "--json", description = "Print a JSON object.")
    private boolean json;

    @Parameters(paramLabel = "s3://BUCKET/KEY", description = "The object to check.")
    private String object;

    @Override
    public Integer call() {
        S3Uri target = S3Uri.parse(object);
        SigningIdentity signer = identity.resolve(root);
        ObjectInfo info = root.services().s3().headObject(signer.endpoint(), signer.credentials(), target.bucket(),
                target.key());
        PrintWriter out = root.io().out();
        if (json) {
            ObjectNode node = Json.object();
            node.put("bucket", info.bucket());
            node.put("key", info.key());
            node.put("size", info.size());
            node.put("contentType", info.contentType());
            node.put("lastModified", Json.time(info.lastModified()));
            node.put("etag", info.etag());
            out.println(Json.write(node));
        } else {
            out.println(target);
            TextTable table = new TextTable("Size:", info.size() + " bytes" + humanSize(info.size()));
            table.add("Content type:", info.contentType());
            table.add("Last modified:", info.lastModified() == null ? null : info.lastModified().toString());
            table.add("ETag:", info.etag());
            table.print(out);
        }
        return ExitCodes.OK;
    }

    /** {@code " (1.5 MB)"} for sizes of a kilobyte and more, else empty. */
    static String humanSize(long bytes) {
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        if (bytes < 1024) {
            return "";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, " (%.1f %s)", value, units[unit]);
    }
}
