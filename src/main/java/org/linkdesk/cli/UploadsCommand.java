package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkdesk.core.s3.MultipartUpload;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.upload.ContentTypes;
import org.linkdesk.upload.PartPlan;
import org.linkdesk.upload.ResumeStore;
import org.linkdesk.upload.UploadControl;
import org.linkdesk.upload.UploadJob;
import org.linkdesk.upload.UploadService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk uploads list|abort|resume}: the bucket's unfinished multipart uploads, whoever started them. */
@Command(name = "uploads", sortOptions = false,
        header = "List, abort or resume unfinished multipart uploads in a bucket.",
        description = {"list: every unfinished upload under s3://BUCKET/PREFIX (any tool's); the parts they hold cost "
                + "storage until they are completed or aborted.",
                "abort: --upload-id ID (with s3://BUCKET/KEY), or --all under the prefix.",
                "resume: continues Linkdesk's own unfinished uploads in the bucket whose files are unchanged, or "
                        + "--upload-id ID --file FILE with s3://BUCKET/KEY (e.g. another tool's upload)."},
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk uploads list s3://shared/",
                "  linkdesk uploads abort --all s3://shared/tmp/",
                "  linkdesk uploads resume s3://shared/"})
final class UploadsCommand implements Callable<Integer> {

    @ParentCommand
    private LinkdeskCommand root;

    @Mixin
    private IdentityOptions identity;

    @Parameters(index = "0", paramLabel = "list|abort|resume")
    private String action;

    @Parameters(index = "1", paramLabel = "s3://BUCKET/PREFIX")
    private String where;

    @Option(names = "--upload-id", paramLabel = "ID", description = "The upload to abort or resume.")
    private String uploadId;

    @Option(names = "--all", description = "abort: every unfinished upload under the prefix.")
    private boolean all;

    @Option(names = "--file", paramLabel = "FILE", description = "resume --upload-id: the local file to send.")
    private Path file;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "resume: parts in flight.")
    private int concurrency;

    @Option(names = "--json", description = "list: print a JSON array.")
    private boolean json;

    @Override
    public Integer call() {
        S3Prefix target = S3Prefix.parse(where);
        SigningIdentity who = identity.resolve(root);
        UploadService uploads = root.services().uploads();
        switch (action) {
            case "list" -> list(uploads, who, target);
            case "abort" -> abort(uploads, who, target);
            case "resume" -> resume(uploads, who, target);
            default -> throw new InvalidInputException("Choose list, abort or resume, not '" + action + "'.");
        }
        return ExitCodes.OK;
    }

    private void list(UploadService uploads, SigningIdentity who, S3Prefix target) {
        List<MultipartUpload> open = uploads.unfinished(who, target.bucket(), target.prefix());
        if (json) {
            ArrayNode array = Json.array();
            for (MultipartUpload u : open) {
                ObjectNode node = array.addObject();
                node.put("bucket", u.bucket());
                node.put("key", u.key());
                node.put("uploadId", u.uploadId());
                node.put("initiated", Json.time(u.initiated()));
                node.put("localFile", uploads.localFile(u).map(Path::toString).orElse(null));
            }
            root.io().out().println(Json.write(array));
            return;
        }
        if (open.isEmpty()) {
            root.io().err().println("linkdesk: no unfinished uploads under " + target + ".");
            return;
        }
        TextTable table = new TextTable("KEY", "STARTED", "UPLOAD ID", "LOCAL FILE (LINKDESK'S)");
        for (MultipartUpload u : open) {
            table.add(u.key(), u.initiated() == null ? "" : u.initiated().toString(), u.uploadId(),
                    uploads.localFile(u).map(Path::toString).orElse("-"));
        }
        table.print(root.io().out());
    }

    private void abort(UploadService uploads, SigningIdentity who, S3Prefix target) {
        if (uploadId == null && !all) {
            throw new InvalidInputException("Say which upload to abort: --upload-id ID, or --all under the prefix.");
        }
        List<MultipartUpload> open = uploads.unfinished(who, target.bucket(), target.prefix());
        List<MultipartUpload> chosen = open.stream().filter(u -> all || u.uploadId().equals(uploadId)).toList();
        if (uploadId != null && chosen.isEmpty()) {
            throw new CliException(ExitCodes.NOT_FOUND, "There is no unfinished upload " + uploadId + " under "
                    + target + ".");
        }
        for (MultipartUpload u : chosen) {
            uploads.abort(who, u);
            root.io().out().println("aborted s3://" + u.bucket() + "/" + u.key() + " (" + u.uploadId() + ")");
        }
    }

    private void resume(UploadService uploads, SigningIdentity who, S3Prefix target) {
        ProgressLine progress = new ProgressLine(root.io().err(), ProgressLine.terminal());
        if (uploadId != null) {
            if (file == null || target.prefix().isEmpty()) {
                throw new InvalidInputException("resume --upload-id needs --file FILE and s3://BUCKET/KEY.");
            }
            MultipartUpload u = new MultipartUpload(target.bucket(), target.prefix(), uploadId, null);
            String type = uploads.stored(u).map(ResumeStore.Session::contentType).orElse(ContentTypes.of(file));
            send(uploads, who, new UploadJob(file, target.bucket(), target.prefix(), type, PartPlan.DEFAULT_PART,
                    concurrency, true, uploadId), progress);
            return;
        }
        int resumed = 0;
        for (ResumeStore.Session s : uploads.storedSessions()) {
            Path local = Path.of(s.filePath());
            if (!s.bucket().equals(target.bucket()) || !s.key().startsWith(target.prefix())
                    || !s.endpoint().equals(who.endpoint().endpointUrl())) {
                continue;
            }
            if (!unchanged(local, s)) {
                root.io().warn(local + " changed or is gone since its upload started; abort that upload with "
                        + "'linkdesk uploads abort --upload-id " + s.uploadId() + " s3://" + s.bucket() + "/"
                        + s.key() + "'.");
                continue;
            }
            send(uploads, who, new UploadJob(local, s.bucket(), s.key(), s.contentType(), s.partSize(), concurrency,
                    true, null), progress);
            resumed++;
        }
        if (resumed == 0) {
            root.io().err().println("linkdesk: nothing of Linkdesk's to resume under " + target + ".");
        }
    }

    private void send(UploadService uploads, SigningIdentity who, UploadJob job, ProgressLine progress) {
        UploadService.Uploaded done = uploads.upload(who, job, null, progress, new UploadControl());
        progress.clear();
        root.io().out().println(done.file() + "\ts3://" + done.bucket() + "/" + done.key());
        root.io().out().flush();
    }

    private static boolean unchanged(Path local, ResumeStore.Session s) {
        try {
            return Files.isRegularFile(local) && Files.size(local) == s.fileSize()
                    && Files.getLastModifiedTime(local).toMillis() == s.fileMtime();
        } catch (java.io.IOException e) {
            return false;
        }
    }

}
