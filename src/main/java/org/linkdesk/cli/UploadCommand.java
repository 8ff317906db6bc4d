package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.upload.ContentTypes;
import org.linkdesk.upload.ExistingKeyPolicy;
import org.linkdesk.upload.PartPlan;
import org.linkdesk.upload.UniquePrefix;
import org.linkdesk.upload.UploadControl;
import org.linkdesk.upload.UploadJob;
import org.linkdesk.upload.UploadService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk upload}: uploads files (folders recurse), then makes and records each file's link. */
@Command(name = "upload", sortOptions = false,
        header = "Upload files to S3 and make their links.",
        description = {"Prints one line per file: the file, a tab, its link (or s3:// URI with --no-link); or a JSON "
                + "array with --json. Folders are uploaded with their own name, as 'cp -r' does.",
                "Files above the part size go up in parts, several at once; an interrupted upload continues with "
                        + "--resume."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk upload report.pdf s3://shared/2025/",
                "  linkdesk upload --expires 7d --keep-both photos/ s3://shared/trip/",
                "  linkdesk upload --resume --part-size 64MiB --concurrency 8 big.iso s3://shared/"})
final class UploadCommand implements Callable<Integer> {

    @ParentCommand
    private LinkdeskCommand root;

    @Mixin
    private IdentityOptions identity;

    @Option(names = "--json", description = "Print a JSON array of {file, bucket, key, size, etag, url, expiresAt}.")
    private boolean json;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long each link works: 15m, 1h, 7d; at most 7d (default: 1h).")
    private Duration expires;

    @Option(names = "--no-link", description = "Only upload; make no link.")
    private boolean noLink;

    @Option(names = "--part-size", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "8MiB",
            description = "Bytes per part of a multipart upload, at least 5MiB (default: 8MiB; grown when a file "
                    + "would need more than 10 000 parts). Files up to this size go up in one PUT.")
    private long partSize;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Parts in flight at once (default: 4).")
    private int concurrency;

    @ArgGroup(exclusive = true)
    private Existing existing = new Existing();

    static final class Existing {
        @Option(names = "--overwrite", description = "Replace an object already at the key.")
        boolean overwrite;
        @Option(names = "--keep-both", description = "Upload as 'name (1).ext' when the key is taken.")
        boolean keepBoth;
        @Option(names = "--skip-existing", description = "Leave a taken key alone and skip the file.")
        boolean skip;
    }

    @Option(names = "--unique-prefix", paramLabel = "date|random",
            description = "Put a date (2026-12-04/) or random folder before the file names.")
    private String uniquePrefix;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "The Content-Type of every file (default: from each file's name).")
    private String contentType;

    @Option(names = "--resume", description = "Continue unfinished uploads of these same files (same path, size "
            + "and modification time) instead of starting again.")
    private boolean resume;

    @Parameters(arity = "2..*", paramLabel = "FILE... s3://BUCKET/PREFIX/",
            description = "Files or folders, then where to put them.")
    private List<String> arguments;

    @Override
    public Integer call() {
        S3Prefix target = S3Prefix.parse(arguments.get(arguments.size() - 1), "s3://BUCKET/PREFIX/");
        List<Path> files = arguments.subList(0, arguments.size() - 1).stream().map(Path::of).toList();
        PartPlan.of(0, partSize);
        SigningIdentity who = identity.resolve(root);
        UploadService uploads = root.services().uploads();
        List<UploadService.Planned> planned;
        try {
            planned = uploads.plan(files, target.asFolder(), unique());
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        ProgressLine progress = new ProgressLine(root.io().err(), ProgressLine.terminal());
        ArrayNode array = Json.array();
        for (UploadService.Planned file : planned) {
            Optional<String> key = resume ? uploads.resumableKey(who, target.bucket(), target.asFolder(), file.file())
                    : Optional.empty();
            if (key.isEmpty()) {
                key = settle(uploads, who, target.bucket(), file.key());
            }
            if (key.isEmpty()) {
                root.io().err().println("linkdesk: skipped " + file.file() + ": s3://" + target.bucket() + "/"
                        + file.key() + " exists.");
                root.io().err().flush();
                continue;
            }
            UploadJob job = new UploadJob(file.file(), target.bucket(), key.get(),
                    contentType != null ? contentType : ContentTypes.of(file.file()), partSize, concurrency, resume,
                    null);
            UploadService.Uploaded done;
            try {
                done = uploads.upload(who, job, noLink ? null : expires, progress, new UploadControl());
            } catch (UncheckedIOException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            } catch (RuntimeException e) {
                progress.clear();
                if (file.size() > job.partSize()) {
                    root.io().warn("the finished parts of " + file.file() + " are kept; run the same command with "
                            + "--resume to continue.");
                }
                throw e;
            }
            progress.clear();
            if (json) {
                array.add(toJson(done));
            } else {
                root.io().out().println(done.file() + "\t" + (done.link() != null ? done.link().url().url()
                        : "s3://" + done.bucket() + "/" + done.key()));
                root.io().out().flush();
            }
        }
        if (json) {
            root.io().out().println(Json.write(array));
        }
        return ExitCodes.OK;
    }

    private Optional<String> settle(UploadService uploads, SigningIdentity who, String bucket, String key) {
        if (existing.overwrite || existing.keepBoth || existing.skip) {
            return uploads.settleKey(who, bucket, key, existing.overwrite ? ExistingKeyPolicy.OVERWRITE
                    : existing.keepBoth ? ExistingKeyPolicy.KEEP_BOTH : ExistingKeyPolicy.SKIP);
        }
        if (uploads.exists(who, bucket, key)) {
            throw new CliException(ExitCodes.USAGE, "s3://" + bucket + "/" + key + " already exists; choose "
                    + "--overwrite, --keep-both or --skip-existing.");
        }
        return Optional.of(key);
    }

    private UniquePrefix unique() {
        if (uniquePrefix == null) {
            return UniquePrefix.NONE;
        }
        return switch (uniquePrefix.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "date" -> UniquePrefix.DATE;
            case "random" -> UniquePrefix.RANDOM;
            default -> throw new InvalidInputException("--unique-prefix takes date or random.");
        };
    }

    private static ObjectNode toJson(UploadService.Uploaded done) {
        ObjectNode node = Json.object();
        node.put("file", done.file().toString());
        node.put("bucket", done.bucket());
        node.put("key", done.key());
        node.put("size", done.size());
        node.put("etag", done.etag());
        node.put("url", done.link() == null ? null : done.link().url().url());
        node.put("expiresAt", done.link() == null ? null : Json.time(done.link().expiry().expiresAt()));
        if (done.link() != null) {
            node.put("shareId", done.link().share().id());
        }
        if (done.partsResumed() > 0) {
            node.put("partsResumed", done.partsResumed());
        }
        return node;
    }
}
