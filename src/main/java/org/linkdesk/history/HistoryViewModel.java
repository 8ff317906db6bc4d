package org.linkdesk.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.handover.LinkTester;
import org.linkdesk.handover.ui.LinkTests;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistorySummary;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareStatus;
import org.linkdesk.store.LinkUrls;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.StatusMessage;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;

/**
 * The History tab: the query (search, filters, sort), a paged view of its rows, the summary counts, and the
 * actions on shares. All database and network work runs through the {@link TaskRunner}.
 */
public final class HistoryViewModel {
    private final HistoryService service;
    private final HistoryExchange exchange;
    private final LinkUrls shares;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final Clock clock;
    private final ObjectProperty<HistoryQuery> query = new SimpleObjectProperty<>(HistoryQuery.NEWEST_FIRST);
    private final ReadOnlyObjectWrapper<HistorySummary> summary = new ReadOnlyObjectWrapper<>();
    private final StatusMessage status = new StatusMessage();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> profileChoices = FXCollections.observableArrayList();
    private final ObservableList<String> bucketChoices = FXCollections.observableArrayList();
    private final HistoryRowLoader rows;
    private final RecheckProgress recheck;
    private final Dialogs dialogs;
    private final BackgroundJob job = new BackgroundJob();
    private final HistoryJobs jobs;
    private final LinkTests linkTests;
    private final HistoryPrompts prompts;

    public HistoryViewModel(HistoryService service, HistoryExchange exchange, LinkUrls shares, TaskRunner tasks,
                            TextClipboard clipboard, Dialogs dialogs) {
        this(service, exchange, shares, tasks, clipboard, dialogs, LinkTester.createDefault());
    }

    public HistoryViewModel(HistoryService service, HistoryExchange exchange, LinkUrls shares, TaskRunner tasks,
                            TextClipboard clipboard, Dialogs dialogs, LinkTester tester) {
        this.linkTests = new LinkTests(tester, tasks);
        this.service = service;
        this.exchange = exchange;
        this.shares = shares;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.clock = service.clock();
        this.rows = new HistoryRowLoader(service, tasks, clock, status::error);
        this.dialogs = dialogs;
        this.prompts = new HistoryPrompts(dialogs, this);
        this.recheck = new RecheckProgress(service, tasks, status, job, rows::replace, this::refresh);
        this.jobs = new HistoryJobs(service, exchange, tasks, dialogs, status, job, query::get, this::refresh);
        query.addListener((obs, old, q) -> refresh());
    }

    /** Called after rows changed in place (a page arrived, an entry was edited), so the table redraws. */
    public void setOnRowsUpdated(Runnable action) {
        rows.setOnRowsUpdated(action);
    }

    /** Reloads the first page, then the count and the summary. */
    public void refresh() {
        busy.set(true);
        rows.load(query.get(), () -> busy.set(false));
        refreshSummary();
    }

    public void refreshSummary() {
        tasks.run(() -> service.store().summary(clock.instant())).onSuccess(summary::set).onError(this::showError)
                .start();
        tasks.run(() -> List.of(service.store().distinct("profile_name", 200), service.store().distinct("bucket", 500)))
                .onSuccess(lists -> {
                    profileChoices.setAll(lists.get(0));
                    if (!profileChoices.contains(HistoryQuery.ENVIRONMENT)) {
                        profileChoices.add(HistoryQuery.ENVIRONMENT);
                    }
                    bucketChoices.setAll(lists.get(1));
                }).onError(this::showError).start();
    }

    /** Puts a share's link on the clipboard (needs the vault unlocked, as links are stored sealed). */
    public void copy(HistoryEntry entry) {
        if (entry == null) {
            return;
        }
        tasks.run(() -> shares.url(entry.id())).onSuccess(url -> {
            if (url.isEmpty()) {
                showError("This link was not kept (it was made before a master password was set, or imported "
                        + "without links); renew it to get a new one.");
                return;
            }
            clipboard.put(url.get());
            ShareStatus status = entry.status(clock.instant());
            String warning = status == ShareStatus.ACTIVE || status == ShareStatus.EXPIRING ? ""
                    : " Note: " + status.label().toLowerCase(java.util.Locale.ROOT) + ".";
            showInfo("Link for " + entry.share().bucket() + "/" + entry.share().key() + " copied." + warning);
        }).onError(this::showError).start();
    }

    /** Puts {@code entry}'s link on the clipboard in {@code format} (dates in {@code zone}). */
    public void copyAs(HistoryEntry entry, org.linkdesk.links.CopyFormat format, java.time.ZoneId zone) {
        if (entry == null) {
            return;
        }
        tasks.run(() -> shares.url(entry.id())).onSuccess(url -> {
            if (url.isEmpty()) {
                showError("This link was not kept; renew it to get a new one.");
                return;
            }
            clipboard.put(format.format(new org.linkdesk.links.CopyFormat.Link(entry.share().bucket(),
                    entry.share().key(), url.get(), entry.share().expiresAt()), zone));
            showInfo("Copied as " + format.label().toLowerCase(java.util.Locale.ROOT) + ".");
        }).onError(this::showError).start();
    }

    /** The formats offered under "Copy as". */
    public List<org.linkdesk.links.CopyFormat> copyFormats() {
        return org.linkdesk.links.CopyFormat.BUILT_IN;
    }

    /** Tests a share's link without changing anything and shows the diagnosis in the status line. */
    public void testLink(HistoryEntry entry) {
        if (entry == null) {
            return;
        }
        status.info("Testing the link for " + entry.share().bucket() + "/" + entry.share().key() + "…");
        linkTests.test(() -> shares.url(entry.id()), entry.share().method(), entry.share().options().contentType(),
                result -> {
                    if (result.ok()) {
                        showInfo(LinkTests.describe(result));
                    } else {
                        showError(LinkTests.describe(result));
                    }
                }, this::showError);
    }

    /** Makes a new link like {@code entry}, valid for {@code lifetime}, copies it, and shows it on top. */
    public void renew(HistoryEntry entry, Duration lifetime) {
        busy.set(true);
        tasks.run(() -> service.renew(entry.id(), lifetime)).onSuccess(link -> {
            clipboard.put(link.url().url());
            showInfo("Renewed: a new link for " + entry.share().bucket() + "/" + entry.share().key()
                    + " (expires " + org.linkdesk.ui.common.Formats.relative(link.expiry().expiresAt(), clock.instant())
                    + ") is on the clipboard.");
            refresh();
        }).onError(this::showError).andFinally(() -> busy.set(false)).start();
    }

    public void saveDetails(HistoryEntry entry, ShareDetails details) {
        tasks.run(() -> service.store().updateDetails(entry.id(), details)).onSuccess(updated -> {
            updated.ifPresent(rows::replace);
            showInfo("Saved.");
        }).onError(this::showError).start();
    }

    public void delete(List<HistoryEntry> entries) {
        long[] ids = entries.stream().mapToLong(HistoryEntry::id).toArray();
        tasks.run(() -> service.store().delete(ids)).onSuccess(n -> {
            showInfo(n + (n == 1 ? " link" : " links") + " removed from the history. A link itself works until "
                    + "it expires.");
            refresh();
        }).onError(this::showError).start();
    }

    /** Re-checks these shares' objects in the background. */
    public void recheck(List<HistoryEntry> entries) {
        recheck.start(entries.stream().mapToLong(HistoryEntry::id).toArray());
    }

    /** Re-checks every share that has not expired. */
    public void recheckAllActive() {
        recheck.startAllUnexpired();
    }

    /** Asks for how long, then renews {@code entry} (see {@link #renew}). */
    public void askRenew(HistoryEntry entry) {
        prompts.askRenew(entry);
    }

    /** Asks for recipient, note and tags; asks again (keeping what was typed) while the tags are not valid. */
    public void askEdit(HistoryEntry entry) {
        prompts.askEdit(entry);
    }

    /** Shows how to stop {@code entry}'s link before it expires. */
    public void showRevokeAdvice(HistoryEntry entry) {
        if (entry != null) {
            dialogs.showText("How to revoke", "Stopping a link before it expires",
                    RevokeAdvice.describe(entry, clock.instant()));
        }
    }

    /** Asks, then removes {@code entries} from the history. */
    public void askDelete(List<HistoryEntry> entries) {
        prompts.askDelete(entries);
    }

    /** Exports {@code selected} (or, when null, everything the current query shows), asking for the file. */
    public void export(List<HistoryEntry> selected, boolean includeUrls) {
        jobs.export(selected, includeUrls);
    }

    public void importFile() {
        jobs.importFile();
    }

    /** The expired-links setting and "purge now". */
    public void expired() {
        jobs.expired();
    }

    /** Cancels the running re-check, export, import or purge. */
    public void cancelJob() {
        job.cancel();
    }

    private void showInfo(String text) {
        status.info(text);
    }

    private void showError(Throwable e) {
        status.error(e);
    }

    private void showError(String text) {
        status.error(text);
    }

    HistoryRowLoader rowLoader() { return rows; }
    BackgroundJob job() { return job; }
    StatusMessage status() { return status; }
    public Clock clock() { return clock; }
    public Instant now() { return clock.instant(); }
    public ObjectProperty<HistoryQuery> queryProperty() { return query; }
    public ReadOnlyObjectProperty<PagedHistoryList> rowsProperty() { return rows.rowsProperty(); }
    public ReadOnlyObjectProperty<HistorySummary> summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return rows.countTextProperty(); }
    public ReadOnlyStringProperty messageProperty() { return status.textProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return status.isErrorProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** A re-check, export, import or purge is running (one at a time). */
    public ReadOnlyBooleanProperty jobRunningProperty() { return job.runningProperty(); }
    public ReadOnlyDoubleProperty jobProgressProperty() { return job.progressProperty(); }
    public ReadOnlyStringProperty jobTextProperty() { return job.textProperty(); }
    public ObservableList<String> profileChoices() { return profileChoices; }
    public ObservableList<String> bucketChoices() { return bucketChoices; }
}
