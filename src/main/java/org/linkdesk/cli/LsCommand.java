package org.linkdesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.linkdesk.core.s3.ListObjectsRequest;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.core.s3.ListingWalker;
import org.linkdesk.core.s3.ObjectListing;
import org.linkdesk.links.SigningIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk ls}: lists a bucket or prefix page by page, printing as pages arrive. */
@Command(name = "ls", sortOptions = false,
        header = "List the objects in a bucket or under a prefix.",
        description = {"Without --recursive, lists one level: sub-folders as 'PRE name/', then objects.",
                "Output is written page by page (1 000 keys each), so any size of listing streams.",
                "Keys are printed exactly as stored; use --json when keys may hold line breaks."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk ls s3://reports",
                "  linkdesk ls s3://reports/2025/",
                "  linkdesk ls --recursive --json s3://reports/2025/ > keys.json",
                "  linkdesk ls --versions s3://reports/2025/q1.pdf"})
final class LsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @ParentCommand
    private LinkdeskCommand root;

    @Mixin
    private IdentityOptions identity;

    @Option(names = {"-r", "--recursive"}, description = "List every key under the prefix, at any depth.")
    private boolean recursive;

    @Option(names = "--json", description = "Print a JSON array: {key, size, lastModified, etag, storageClass} per "
            + "object ({prefix} per sub-folder).")
    private boolean json;

    @Option(names = "--versions", description = "List every version and delete marker of the keys under the prefix "
            + "(versioned buckets), with the version ids 'presign --version-id' takes.")
    private boolean versions;

    @Parameters(index = "0", paramLabel = "s3://BUCKET[/PREFIX]", description = "What to list.")
    private String location;

    @Override
    public Integer call() {
        S3Prefix where = S3Prefix.parse(location);
        SigningIdentity signer = identity.resolve(root);
        if (versions) {
            new VersionsPrinter(root.services().s3(), signer, root.io().out(), json).print(where);
            return ExitCodes.OK;
        }
        ListingWalker walker = new ListingWalker(root.services().s3(), signer.endpoint(), signer.credentials());
        ListObjectsRequest first = recursive ? ListObjectsRequest.recursive(where.bucket(), where.prefix())
                : ListObjectsRequest.folder(where.bucket(), where.prefix());
        PrintWriter out = root.io().out();
        if (json) {
            printJson(walker, first, out);
        } else {
            walker.walk(first, () -> false, page -> {
                printText(page, where.prefix(), out);
                out.flush();
                return true;
            });
        }
        return ExitCodes.OK;
    }

    private void printText(ObjectListing page, String prefix, PrintWriter out) {
        for (String folder : page.commonPrefixes()) {
            out.printf("%30s %s%n", "PRE", folder.substring(prefix.length()));
        }
        for (ListedObject o : page.objects()) {
            String when = o.lastModified() == null ? "-" : TIME.format(o.lastModified());
            String name = recursive || !o.key().startsWith(prefix) ? o.key() : o.key().substring(prefix.length());
            out.printf("%s %10d %s%n", when, o.size(), name);
        }
    }

    private void printJson(ListingWalker walker, ListObjectsRequest first, PrintWriter out) {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            walker.walk(first, () -> false, page -> {
                writePage(g, page);
                return true;
            });
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void writePage(JsonGenerator g, ObjectListing page) {
        try {
            for (String folder : page.commonPrefixes()) {
                g.writeStartObject();
                g.writeStringField("prefix", folder);
                g.writeEndObject();
            }
            for (ListedObject o : page.objects()) {
                g.writeStartObject();
                g.writeStringField("key", o.key());
                g.writeNumberField("size", o.size());
                g.writeStringField("lastModified", o.lastModified() == null ? null : o.lastModified().toString());
                g.writeStringField("etag", o.etag());
                g.writeStringField("storageClass", o.storageClass());
                g.writeEndObject();
            }
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
