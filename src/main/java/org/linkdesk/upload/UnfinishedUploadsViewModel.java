package org.linkdesk.upload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.core.s3.MultipartUpload;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.UserMessages;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * A bucket's unfinished multipart uploads (ListMultipartUploads: Linkdesk's and other tools'). Linkdesk's own can be
 * resumed from the file they came from; any can be aborted (after a confirmation), which frees its stored parts.
 */
public final class UnfinishedUploadsViewModel {
    /** One unfinished upload; {@code localFile} is null when another tool (or another machine) started it. */
    public record Row(MultipartUpload upload, Path localFile) {
        public String startedBy() {
            return localFile == null ? "Another tool" : "Linkdesk: " + localFile;
        }
    }

    /** Continues an upload of {@code file} to {@code bucket}/{@code key}. */
    @FunctionalInterface
    public interface Resumer {
        void resume(Path file, String bucket, String key);
    }

    private final UploadService uploads;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final Supplier<SigningIdentity> identity;
    private final Resumer resumer;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bucket = new ReadOnlyStringWrapper("");

    public UnfinishedUploadsViewModel(UploadService uploads, TaskRunner runner, Dialogs dialogs,
                                      Supplier<SigningIdentity> identity, Resumer resumer) {
        this.uploads = uploads;
        this.runner = runner;
        this.dialogs = dialogs;
        this.identity = identity;
        this.resumer = resumer;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bucketProperty() {
        return bucket.getReadOnlyProperty();
    }

    /** Lists the unfinished uploads of {@code name} (in the background). */
    public void load(String name) {
        bucket.set(name);
        message.set("Looking for unfinished uploads…");
        runner.run(() -> {
            List<Row> found = new ArrayList<>();
            for (MultipartUpload u : uploads.unfinished(identity.get(), name, "")) {
                found.add(new Row(u, uploads.localFile(u).orElse(null)));
            }
            return found;
        }).onSuccess(found -> {
            rows.setAll(found);
            message.set(found.isEmpty() ? "No unfinished uploads in " + name + "."
                    : found.size() + (found.size() == 1 ? " unfinished upload" : " unfinished uploads")
                    + " keep their parts (and cost storage) until resumed or aborted.");
        }).onError(e -> message.set(UserMessages.describe(e))).start();
    }

    public void refresh() {
        load(bucket.get());
    }

    /** Hands a Linkdesk upload to the queue; another tool's upload cannot be matched to a file. */
    public boolean resume(Row row) {
        if (row.localFile() == null) {
            message.set(row.upload().key() + " was started by another tool: abort it, then upload the file again.");
            return false;
        }
        resumer.resume(row.localFile(), row.upload().bucket(), row.upload().key());
        rows.remove(row);
        message.set("Resuming " + row.upload().key() + " in the upload queue.");
        return true;
    }

    /** Aborts {@code row} after asking: the server drops its parts. */
    public void abort(Row row) {
        if (!dialogs.confirm("Abort upload", "Abort the unfinished upload of " + row.upload().key() + "?",
                "The parts already stored are deleted; the upload cannot be resumed afterwards.", "Abort upload")) {
            return;
        }
        runner.run(() -> {
            uploads.abort(identity.get(), row.upload());
            return null;
        }).onSuccess(done -> {
            rows.remove(row);
            message.set("Aborted the upload of " + row.upload().key() + ".");
        }).onError(e -> message.set(UserMessages.describe(e))).start();
    }
}
