package org.linkdesk.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.linkdesk.core.s3.FileSlice;
import org.linkdesk.core.s3.NoSuchKeyException;
import org.linkdesk.core.s3.S3Uploads;
import org.linkdesk.core.s3.UploadedPart;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.links.SigningIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads one file: a single PUT up to one part size, else a multipart upload with several parts in flight. Reads
 * the file in small chunks (heap independent of its size), sends a Content-MD5 with every part, retries network
 * failures and 5xx, and records the upload id and each finished part in H2 before going on, so a killed process
 * resumes from there.
 */
public final class UploadEngine {
    private static final Logger LOG = LoggerFactory.getLogger(UploadEngine.class);

    private final S3Uploads s3;
    private final org.linkdesk.core.s3.S3Http http;
    private final ResumeStore store;

    /** What the server now holds. */
    public record Result(long size, String etag, int partCount, int partsResumed) {
    }

    public UploadEngine(S3Uploads s3, org.linkdesk.core.s3.S3Http http, ResumeStore store) {
        this.s3 = s3;
        this.http = http;
        this.store = store;
    }

    public Result upload(SigningIdentity who, UploadJob job, UploadListener listener, UploadControl control) {
        FileState state = FileState.of(job.file());
        PartPlan plan = PartPlan.of(state.size(), job.partSize());
        if (plan.isSinglePut() && job.adoptUploadId() == null) {
            ProgressMeter meter = new ProgressMeter(state.name(), state.size(), 0, listener);
            FileSlice whole = new FileSlice(job.file(), 0, state.size());
            Supplier<String> put = () -> Retry.call("Upload of " + state.name(), control,
                    () -> { }, () -> s3.putObject(who.endpoint(), who.credentials(), job.bucket(), job.key(),
                            job.contentType(), whole, meter::add));
            String etag = StoppableWorkers.runAll(1, control, List.of(put), () -> { }).get(0);
            meter.finish();
            return new Result(state.size(), etag, 1, 0);
        }
        return new MultipartRun(who, job, state, listener, control).run(plan);
    }

    /** A file's identity for resuming: absolute path, size and modification time. */
    record FileState(String path, String name, long size, long mtime) {
        static FileState of(Path file) {
            try {
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException(file + " is not a file.");
                }
                Path absolute = file.toAbsolutePath().normalize();
                return new FileState(absolute.toString(), String.valueOf(file.getFileName()), Files.size(file),
                        Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private final class MultipartRun {
        private final SigningIdentity who;
        private final UploadJob job;
        private final FileState state;
        private final UploadListener listener;
        private final UploadControl control;

        MultipartRun(SigningIdentity who, UploadJob job, FileState state, UploadListener listener,
                     UploadControl control) {
            this.who = who;
            this.job = job;
            this.state = state;
            this.listener = listener;
            this.control = control;
        }

        Result run(PartPlan requested) {
            String endpoint = who.endpoint().endpointUrl();
            Optional<ResumeStore.Session> stored = job.adoptUploadId() != null
                    ? store.findByUploadId(job.bucket(), job.adoptUploadId())
                    : job.resume() ? store.find(endpoint, job.bucket(), job.key(), state.path(), state.size(),
                    state.mtime()) : Optional.empty();
            String uploadId = job.adoptUploadId() != null ? job.adoptUploadId()
                    : stored.map(ResumeStore.Session::uploadId).orElse(null);
            List<UploadedPart> serverParts = List.of();
            if (uploadId != null) {
                try {
                    serverParts = s3.listParts(who.endpoint(), who.credentials(), job.bucket(), job.key(), uploadId);
                } catch (NoSuchKeyException e) {
                    if (job.adoptUploadId() != null) {
                        throw new InvalidInputException("The unfinished upload of " + job.key()
                                + " no longer exists on the server (finished or aborted).");
                    }
                    LOG.info("Stored upload of {} is gone from the server; starting afresh", job.key());
                    stored.ifPresent(s -> store.delete(s.id()));
                    stored = Optional.empty();
                    uploadId = null;
                }
            }
            PartPlan plan = requested;
            if (stored.isPresent()) {
                plan = fixed(stored.get().partSize());
            } else if (uploadId != null) {
                plan = inferred(serverParts, requested);
            }
            Map<Integer, String> done = new ConcurrentHashMap<>();
            ResumeStore.Session session;
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(who.endpoint(), who.credentials(), job.bucket(), job.key(),
                        job.contentType());
                session = store.create(endpoint, job.bucket(), job.key(), state.path(), state.size(), state.mtime(),
                        uploadId, plan.partSize(), job.contentType());
            } else {
                session = stored.isPresent() ? stored.get() : store.create(endpoint, job.bucket(), job.key(),
                        state.path(), state.size(), state.mtime(), uploadId, plan.partSize(), job.contentType());
                done.putAll(reusable(session, serverParts, plan));
                done.forEach((n, etag) -> store.partDone(session.id(), n, etag, 0));
            }
            return send(plan, session, done);
        }

        private Result send(PartPlan plan, ResumeStore.Session session, Map<Integer, String> done) {
            long resumedBytes = done.keySet().stream().mapToLong(plan::length).sum();
            ProgressMeter meter = new ProgressMeter(state.name(), state.size(), resumedBytes, listener);
            int resumed = done.size();
            ConcurrentLinkedQueue<Integer> todo = new ConcurrentLinkedQueue<>();
            for (int n = 1; n <= plan.partCount(); n++) {
                if (!done.containsKey(n)) {
                    todo.add(n);
                }
            }
            List<Runnable> workers = new ArrayList<>();
            int threads = Math.max(1, Math.min(job.concurrency(), todo.size()));
            for (int i = 0; i < threads; i++) {
                workers.add(() -> {
                    Integer n;
                    while (!control.isStopped() && (n = todo.poll()) != null) {
                        int part = n;
                        AtomicLong sent = new AtomicLong();
                        FileSlice slice = new FileSlice(job.file(), plan.offset(part), plan.length(part));
                        String etag = Retry.call("Part " + part + " of " + state.name(), control,
                                () -> meter.add(-sent.getAndSet(0)),
                                () -> s3.uploadPart(who.endpoint(), who.credentials(), job.bucket(), job.key(),
                                        session.uploadId(), part, slice, bytes -> {
                                            sent.addAndGet(bytes);
                                            meter.add(bytes);
                                        }));
                        store.partDone(session.id(), part, etag, slice.length());
                        done.put(part, etag);
                    }
                });
            }
            StoppableWorkers.runAll(threads, control, workers.stream().map(w -> (Supplier<Object>) () -> {
                w.run();
                return null;
            }).toList(), () -> abort(session));
            if (FileState.of(job.file()).mtime() != state.mtime() || FileState.of(job.file()).size() != state.size()) {
                abort(session);
                throw new InvalidInputException(state.name() + " changed while it was uploaded; the upload was "
                        + "aborted. Upload it again.");
            }
            List<UploadedPart> parts = new ArrayList<>();
            for (int n = 1; n <= plan.partCount(); n++) {
                parts.add(new UploadedPart(n, done.get(n), plan.length(n)));
            }
            String etag = complete(session, parts);
            store.delete(session.id());
            meter.finish();
            return new Result(state.size(), etag, plan.partCount(), resumed);
        }

        /**
         * Completes, retrying server failures. When a retry finds the upload gone, an earlier attempt did complete
         * it (its answer was lost): the object is there when its size matches.
         */
        private String complete(ResumeStore.Session session, List<UploadedPart> parts) {
            boolean[] retried = {false};
            try {
                return Retry.call("Completing " + state.name(), control, () -> retried[0] = true,
                        () -> s3.completeMultipartUpload(who.endpoint(), who.credentials(), job.bucket(), job.key(),
                                session.uploadId(), parts));
            } catch (NoSuchKeyException gone) {
                if (retried[0]) {
                    org.linkdesk.core.s3.ObjectInfo info = http.headObject(who.endpoint(), who.credentials(),
                            job.bucket(), job.key());
                    if (info.size() == state.size()) {
                        return info.etag();
                    }
                }
                throw gone;
            }
        }

        /** Parts the server holds that match this file: same size, and our recorded ETag or the range's MD5. */
        private Map<Integer, String> reusable(ResumeStore.Session session, List<UploadedPart> serverParts,
                                              PartPlan plan) {
            Map<Integer, String> recorded = store.parts(session.id());
            Map<Integer, String> out = new HashMap<>();
            for (UploadedPart p : serverParts) {
                if (p.partNumber() < 1 || p.partNumber() > plan.partCount()
                        || (p.size() >= 0 && p.size() != plan.length(p.partNumber()))) {
                    continue;
                }
                String etag = p.etag();
                if (etag.equals(recorded.get(p.partNumber())) || etag.equalsIgnoreCase(md5Hex(plan, p.partNumber()))) {
                    out.put(p.partNumber(), etag);
                }
            }
            return out;
        }

        private String md5Hex(PartPlan plan, int part) {
            byte[] md5 = java.util.Base64.getDecoder().decode(
                    new FileSlice(job.file(), plan.offset(part), plan.length(part)).md5Base64());
            return HexFormat.of().formatHex(md5);
        }

        private PartPlan fixed(long partSize) {
            long size = state.size();
            int count = size <= partSize ? 1 : (int) ((size + partSize - 1) / partSize);
            return new PartPlan(size, partSize, count);
        }

        /** Another tool's upload: its part size is the size of part 1 when more parts follow. */
        private PartPlan inferred(List<UploadedPart> serverParts, PartPlan requested) {
            long first = serverParts.stream().filter(p -> p.partNumber() == 1).mapToLong(UploadedPart::size)
                    .findFirst().orElse(-1);
            if (first >= PartPlan.MIN_PART && first < state.size()) {
                return fixed(first);
            }
            return requested;
        }

        private void abort(ResumeStore.Session session) {
            s3.abortMultipartUpload(who.endpoint(), who.credentials(), job.bucket(), job.key(), session.uploadId());
            store.delete(session.id());
        }
    }
}
