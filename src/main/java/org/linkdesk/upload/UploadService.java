package org.linkdesk.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.linkdesk.core.s3.MultipartUpload;
import org.linkdesk.core.s3.NoSuchKeyException;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.S3Uploads;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.LinkService;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.store.ShareExtras;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload and share: turns local files and folders into keys, settles existing keys (overwrite, keep both, skip),
 * uploads through the {@link UploadEngine}, then makes the link and records it in the history, tagged
 * {@value #TAG}. Also lists and aborts unfinished multipart uploads of a bucket, whoever started them.
 */
public final class UploadService {
    /** The history tag of links to files Linkdesk uploaded itself. */
    public static final String TAG = "uploaded-by-linkdesk";
    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
    private static final int MAX_KEEP_BOTH = 1_000;

    private final UploadEngine engine;
    private final S3Uploads uploads;
    private final S3Http s3;
    private final ResumeStore store;
    private final LinkService links;
    private final Clock clock;

    /** A file to upload and the key it gets (before the existing-key policy). */
    public record Planned(Path file, String key, long size) {
    }

    /** One finished file; {@code link} is null without a link; {@code partsResumed} were sent by an earlier run. */
    public record Uploaded(Path file, String bucket, String key, long size, String etag, GeneratedLink link,
                           int partsResumed) {
    }

    public UploadService(UploadEngine engine, S3Uploads uploads, S3Http s3, ResumeStore store, LinkService links,
                         Clock clock) {
        this.engine = engine;
        this.uploads = uploads;
        this.s3 = s3;
        this.store = store;
        this.links = links;
        this.clock = clock;
    }

    /**
     * The files of {@code inputs} (folders at any depth, keeping the folder's own name as in {@code cp -r}) with
     * their keys under {@code prefix}, in a stable order.
     */
    public List<Planned> plan(List<Path> inputs, String prefix, UniquePrefix unique) {
        String base = UploadKeys.withUniquePrefix(prefix, UploadKeys.uniquePrefix(unique, clock.instant()));
        List<Planned> out = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                Path parent = input.toAbsolutePath().normalize().getParent();
                try (Stream<Path> walk = Files.walk(input)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        Path relative = parent == null ? file : parent.relativize(file.toAbsolutePath().normalize());
                        out.add(new Planned(file, UploadKeys.key(base, relative), size(file)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read the folder " + input + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(input)) {
                out.add(new Planned(input, UploadKeys.key(base, input.getFileName()), size(input)));
            } else {
                throw new InvalidInputException(input + " is not a file or folder.");
            }
        }
        return out;
    }

    /** Whether {@code key} already holds an object. */
    public boolean exists(SigningIdentity who, String bucket, String key) {
        try {
            s3.headObject(who.endpoint(), who.credentials(), bucket, key);
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    /** The key to write under the policy, or empty to skip. */
    public Optional<String> settleKey(SigningIdentity who, String bucket, String key, ExistingKeyPolicy policy) {
        if (policy == ExistingKeyPolicy.OVERWRITE || !exists(who, bucket, key)) {
            return Optional.of(key);
        }
        if (policy == ExistingKeyPolicy.SKIP) {
            return Optional.empty();
        }
        for (int n = 1; n <= MAX_KEEP_BOTH; n++) {
            String candidate = UploadKeys.numbered(key, n);
            if (!exists(who, bucket, candidate)) {
                return Optional.of(candidate);
            }
        }
        throw new InvalidInputException("More than " + MAX_KEEP_BOTH + " copies of " + key + " exist already.");
    }

    /**
     * Uploads one file whose key is settled, then (when {@code linkExpiry} is not null) makes its GET link and
     * records it in the history. Nothing is recorded unless the upload completed.
     */
    public Uploaded upload(SigningIdentity who, UploadJob job, Duration linkExpiry, UploadListener listener,
                           UploadControl control) {
        UploadEngine.Result result = engine.upload(who, job, listener, control);
        GeneratedLink link = null;
        if (linkExpiry != null) {
            link = links.generate(who, job.bucket(), job.key(), LinkOptions.get(linkExpiry), "Uploaded by Linkdesk",
                    new ShareExtras(null, List.of(TAG), result.etag(), null));
        }
        LOG.info("Uploaded {} bytes to {}/{} ({} parts, {} resumed)", result.size(), job.bucket(), job.key(),
                result.partCount(), result.partsResumed());
        return new Uploaded(job.file(), job.bucket(), job.key(), result.size(), result.etag(), link,
                result.partsResumed());
    }

    /** The bucket's unfinished multipart uploads (any tool's) under {@code prefix}. */
    public List<MultipartUpload> unfinished(SigningIdentity who, String bucket, String prefix) {
        return uploads.listMultipartUploads(who.endpoint(), who.credentials(), bucket, prefix);
    }

    /** Aborts an unfinished upload (the server drops its parts) and forgets it locally. */
    public void abort(SigningIdentity who, MultipartUpload upload) {
        uploads.abortMultipartUpload(who.endpoint(), who.credentials(), upload.bucket(), upload.key(),
                upload.uploadId());
        store.findByUploadId(upload.bucket(), upload.uploadId()).ifPresent(s -> store.delete(s.id()));
    }

    /** The local file Linkdesk was uploading for this unfinished upload, when it started it. */
    public Optional<Path> localFile(MultipartUpload upload) {
        return store.findByUploadId(upload.bucket(), upload.uploadId()).map(s -> Path.of(s.filePath()));
    }

    /**
     * The key of an unfinished upload Linkdesk started for this very file (same path, size and mtime) into this
     * bucket under {@code prefix}, so {@code --resume} finds it even when the key got a unique prefix or a " (1)".
     */
    public Optional<String> resumableKey(SigningIdentity who, String bucket, String prefix, Path file) {
        UploadEngine.FileState state = UploadEngine.FileState.of(file);
        return store.findForFile(who.endpoint().endpointUrl(), bucket, state.path(), state.size(), state.mtime())
                .map(ResumeStore.Session::key)
                .filter(key -> prefix == null || key.startsWith(prefix));
    }

    /** The uploads Linkdesk started and has not finished, in every bucket. */
    public List<ResumeStore.Session> storedSessions() {
        return store.all();
    }

    /** The stored content type and part size of an upload Linkdesk started, for resuming it. */
    public Optional<ResumeStore.Session> stored(MultipartUpload upload) {
        return store.findByUploadId(upload.bucket(), upload.uploadId());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
