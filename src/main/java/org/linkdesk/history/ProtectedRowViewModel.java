package org.linkdesk.history;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.shares.DownloadRecord;
import org.linkdesk.shares.ProtectedHistory;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ShareState;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.common.StatusMessage;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The History's protected-link part: for the selected row, when it is a protected link, its downloads / limit,
 * last download and state; a Revoke that stops the link at the gateway; and its download log.
 */
public final class ProtectedRowViewModel {
    private final ProtectedHistory links;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper revocable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<DownloadRecord> log = FXCollections.observableArrayList();
    private final StatusMessage status = new StatusMessage();
    private HistoryEntry entry;

    public ProtectedRowViewModel(ProtectedHistory links, TaskRunner tasks, Dialogs dialogs, ZoneId zone) {
        this.links = links;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.zone = zone;
    }

    /** The History's selection changed: shows the protected link behind {@code selected}, if it is one. */
    public void select(HistoryEntry selected) {
        entry = selected;
        log.clear();
        if (selected == null || !selected.tags().contains(ProtectedHistory.TAG)) {
            show(null, null);
            return;
        }
        long id = selected.id();
        tasks.run(() -> links.forHistoryRow(id)).onSuccess(found -> {
            if (entry != null && entry.id() == id) {
                show(found.orElse(null), links.now());
            }
        }).onError(status::error).start();
    }

    /** Asks, then revokes the selected protected link: the gateway answers 410 from the next request on. */
    public void revoke() {
        HistoryEntry target = entry;
        if (target == null || !revocable.get() || !dialogs.confirm("Revoke protected link",
                "Revoke the protected link to “" + target.share().key() + "”?",
                "Anyone opening it gets “no longer available” from the next request on. This cannot be undone.",
                "Revoke")) {
            return;
        }
        tasks.run(() -> links.revoke(target.id())).onSuccess(share -> {
            if (entry != null && entry.id() == target.id()) {
                show(share, links.now());
            }
            status.info("Revoked: the link no longer downloads.");
        }).onError(status::error).start();
    }

    /** Loads the selected link's download log, then runs {@code then} (which shows it). */
    public void loadLog(Runnable then) {
        HistoryEntry target = entry;
        if (target == null || !shown.get()) {
            return;
        }
        tasks.run(() -> links.downloads(target.id())).onSuccess(records -> {
            log.setAll(records);
            logTitle.set(records.size() + (records.size() == 1 ? " download of " : " downloads of ")
                    + target.share().key() + " (addresses are stored as keyed hashes)");
            then.run();
        }).onError(status::error).start();
    }

    private void show(ProtectedShare share, Instant now) {
        status.info("");
        shown.set(share != null);
        revocable.set(share != null && share.state(now) != ShareState.REVOKED);
        summary.set(share == null ? "" : describe(share, now));
    }

    static String describe(ProtectedShare share, Instant now) {
        String limit = share.maxDownloads() == null ? "no limit" : String.valueOf(share.maxDownloads());
        String last = Optional.ofNullable(share.lastDownloadAt()).map(t -> Formats.relative(t, now))
                .orElse("never");
        return "Protected link · " + share.downloads() + " / " + limit + " downloads · last download " + last
                + " · " + share.state(now).label() + (share.passwordProtected() ? " · password" : "");
    }

    public String time(Instant t) {
        return t == null ? "—" : Formats.dateTime(t, zone);
    }

    public ReadOnlyBooleanProperty shownProperty() { return shown.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty revocableProperty() { return revocable.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty logTitleProperty() { return logTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return status.textProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return status.isErrorProperty(); }
    public ObservableList<DownloadRecord> log() { return log; }
}
