package org.linkdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.linkdesk.core.s3.S3Uploads;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.upload.MultipartPresigner;
import org.linkdesk.upload.MultipartScripts;
import org.linkdesk.upload.PartPlan;
import org.linkdesk.upload.PresignedMultipart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk presign-multipart}: starts a multipart upload and presigns its parts for someone else. */
@Command(name = "presign-multipart", sortOptions = false,
        header = "Start a multipart upload and presign its parts, for someone else to upload a large file.",
        description = {"Prints {uploadId, partSize, parts:[{partNumber, url}], completeUrl, abortUrl, expiresAt} "
                + "(--json, the default), or writes a bash (curl) or PowerShell script that uploads the file.",
                "Until it is completed or aborted, the upload's parts cost storage: see 'linkdesk uploads list'."},
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk presign-multipart --size 7340032000 --expires 2d s3://shared/video.mov",
                "  linkdesk presign-multipart --size 7340032000 --script bash --out upload.sh s3://shared/video.mov"})
final class PresignMultipartCommand implements Callable<Integer> {

    @ParentCommand
    private LinkdeskCommand root;

    @Mixin
    private IdentityOptions identity;

    @Option(names = "--size", paramLabel = "BYTES", required = true, converter = SizeConverter.class,
            description = "The exact size of the file that will be uploaded.")
    private long size;

    @Option(names = "--part-size", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "64MiB",
            description = "Bytes per part, at least 5MiB (default: 64MiB; grown to stay within 10 000 parts).")
    private long partSize;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1d", converter = DurationConverter.class,
            description = "How long the URLs work (default: 1d; at most 7d).")
    private Duration expires;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "The Content-Type the object gets.")
    private String contentType;

    @Option(names = "--script", paramLabel = "bash|powershell", description = "Write an upload script instead.")
    private String script;

    @Option(names = "--out", paramLabel = "FILE", description = "With --script: the file to write.")
    private Path out;

    @Option(names = "--json", description = "Print the JSON (the default).")
    private boolean json;

    @Parameters(paramLabel = "s3://BUCKET/KEY")
    private String target;

    @Override
    public Integer call() throws IOException {
        if (script != null && (out == null || json)) {
            throw new InvalidInputException("--script needs --out FILE (and no --json).");
        }
        if (script != null && !script.equals("bash") && !script.equals("powershell")) {
            throw new InvalidInputException("--script takes bash or powershell.");
        }
        PartPlan.of(size, partSize);
        S3Uri object = S3Uri.parse(target);
        SigningIdentity who = identity.resolve(root);
        MultipartPresigner presigner = new MultipartPresigner(new S3Uploads(root.services().s3()),
                new SigV4Presigner(), Clock.systemUTC());
        PresignedMultipart m = presigner.start(who, object.bucket(), object.key(), size, partSize, expires,
                contentType);
        if (script != null) {
            String text = script.equals("bash") ? MultipartScripts.bash(m) : MultipartScripts.powershell(m);
            Files.writeString(out, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the script stays as written.
            }
            root.io().err().println("linkdesk: wrote " + out + " (" + m.parts().size() + " parts of " + m.partSize()
                    + " bytes; upload id " + m.uploadId() + ")");
            return ExitCodes.OK;
        }
        root.io().out().println(MultipartScripts.json(m));
        return ExitCodes.OK;
    }
}
