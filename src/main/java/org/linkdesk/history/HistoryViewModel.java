package org.linkdesk.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryStore;
import org.linkdesk.store.HistorySummary;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareStatus;
import org.linkdesk.store.ShareStore;
import org.linkdesk.ui.common.StatusMessage;
import org.linkdesk.ui.common.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;

/**
 * The History tab: the query (search, filters, sort), a paged view of its rows, the summary counts, and the
 * actions on shares. All database and network work runs through the {@link TaskRunner}.
 */
public final class HistoryViewModel {
    private final HistoryService service;
    private final HistoryExchange exchange;
    private final ShareStore shares;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final Clock clock;
    private final ObjectProperty<HistoryQuery> query = new SimpleObjectProperty<>(HistoryQuery.NEWEST_FIRST);
    private final ReadOnlyObjectWrapper<PagedHistoryList> rows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HistorySummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final StatusMessage status = new StatusMessage();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper rechecking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper recheckProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper recheckText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> profileChoices = FXCollections.observableArrayList();
    private final ObservableList<String> bucketChoices = FXCollections.observableArrayList();
    private Runnable onRowsUpdated = () -> { };
    private RecheckJob recheckJob;
    private long generation;

    public HistoryViewModel(HistoryService service, HistoryExchange exchange, ShareStore shares, TaskRunner tasks,
                            TextClipboard clipboard) {
        this.service = service;
        this.exchange = exchange;
        this.shares = shares;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.clock = service.clock();
        query.addListener((obs, old, q) -> refresh());
    }

    /** Called after rows changed in place (a page arrived, an entry was edited), so the table redraws. */
    public void setOnRowsUpdated(Runnable action) {
        this.onRowsUpdated = action == null ? () -> { } : action;
    }

    /** Reloads the first page, then the count and the summary. */
    public void refresh() {
        long gen = ++generation;
        HistoryQuery q = query.get();
        HistoryStore store = service.store();
        busy.set(true);
        tasks.run(() -> store.page(q, clock.instant(), 0, PagedHistoryList.PAGE_SIZE, -1), first -> {
            if (gen != generation) {
                return;
            }
            PagedHistoryList list = new PagedHistoryList(first, page -> loadPage(gen, q, page));
            if (first.size() < PagedHistoryList.PAGE_SIZE) {
                rows.set(list.withSize(first.size()));
                countText.set(describeCount(first.size()));
                return;
            }
            rows.set(list);
            countText.set(first.size() + "+ links, counting…");
            tasks.run(() -> store.count(q, clock.instant()), count -> {
                if (gen == generation) {
                    rows.set(rows.get().withSize(count));
                    countText.set(describeCount(count));
                }
            }, this::showError, null);
        }, this::showError, () -> busy.set(false));
        refreshSummary();
    }

    private void loadPage(long gen, HistoryQuery q, int page) {
        PagedHistoryList asked = rows.get();
        long known = asked != null && asked.isSizeKnown() ? asked.size() : -1;
        tasks.run(() -> service.store().page(q, clock.instant(), (long) page * PagedHistoryList.PAGE_SIZE,
                PagedHistoryList.PAGE_SIZE, known), loaded -> {
            PagedHistoryList shown = rows.get();
            if (gen == generation && shown != null) {
                shown.putPage(page, loaded);
                onRowsUpdated.run();
            }
        }, e -> {
            PagedHistoryList shown = rows.get();
            if (shown != null) {
                shown.pageFailed(page);
            }
            showError(e);
        }, null);
    }

    public void refreshSummary() {
        tasks.run(() -> service.store().summary(clock.instant()), summary::set, this::showError, null);
        tasks.run(() -> List.of(service.store().distinct("profile_name", 200), service.store().distinct("bucket", 500)),
                lists -> {
                    profileChoices.setAll(lists.get(0));
                    if (!profileChoices.contains(HistoryQuery.ENVIRONMENT)) {
                        profileChoices.add(HistoryQuery.ENVIRONMENT);
                    }
                    bucketChoices.setAll(lists.get(1));
                }, this::showError, null);
    }

    private static String describeCount(long n) {
        return String.format("%,d %s", n, n == 1 ? "link" : "links");
    }

    /** Puts a share's link on the clipboard (needs the vault unlocked, as links are stored sealed). */
    public void copy(HistoryEntry entry) {
        if (entry == null) {
            return;
        }
        tasks.run(() -> shares.url(entry.id()), url -> {
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
        }, this::showError, null);
    }

    /** Makes a new link like {@code entry}, valid for {@code lifetime}, copies it, and shows it on top. */
    public void renew(HistoryEntry entry, Duration lifetime) {
        busy.set(true);
        tasks.run(() -> service.renew(entry.id(), lifetime), link -> {
            clipboard.put(link.url().url());
            showInfo("Renewed: a new link for " + entry.share().bucket() + "/" + entry.share().key()
                    + " (expires " + org.linkdesk.ui.common.Formats.relative(link.expiry().expiresAt(), clock.instant())
                    + ") is on the clipboard.");
            refresh();
        }, this::showError, () -> busy.set(false));
    }

    public void saveDetails(HistoryEntry entry, ShareDetails details) {
        tasks.run(() -> service.store().updateDetails(entry.id(), details), updated -> {
            updated.ifPresent(this::replaceRow);
            showInfo("Saved.");
        }, this::showError, null);
    }

    public void delete(List<HistoryEntry> entries) {
        long[] ids = entries.stream().mapToLong(HistoryEntry::id).toArray();
        tasks.run(() -> service.store().delete(ids), n -> {
            showInfo(n + (n == 1 ? " link" : " links") + " removed from the history. A link itself works until "
                    + "it expires.");
            refresh();
        }, this::showError, null);
    }

    /** Re-checks these shares' objects in the background. */
    public void recheck(List<HistoryEntry> entries) {
        startRecheck(entries.stream().mapToLong(HistoryEntry::id).toArray());
    }

    /** Re-checks every share that has not expired. */
    public void recheckAllActive() {
        tasks.run(service::unexpiredIds, this::startRecheck, this::showError, null);
    }

    private void startRecheck(long[] ids) {
        if (rechecking.get()) {
            return;
        }
        if (ids.length == 0) {
            showInfo("Nothing to check: no links that have not expired.");
            return;
        }
        rechecking.set(true);
        recheckProgress.set(0);
        recheckText.set("Checking 0 of " + ids.length + "…");
        recheckJob = service.recheck(ids, HistoryService.DEFAULT_CONCURRENCY, (done, total, entry) ->
                tasks.runOnUiThread(() -> {
                    recheckProgress.set((double) done / total);
                    recheckText.set("Checking " + done + " of " + total + "…");
                    if (entry != null) {
                        replaceRow(entry);
                    }
                }));
        recheckJob.result().whenComplete((result, error) -> tasks.runOnUiThread(() -> {
            rechecking.set(false);
            if (error != null) {
                showError(error);
            } else if (result.failed() > 0 && result.checked() == 0) {
                showError(result.describe());
            } else {
                showInfo(result.describe());
            }
            refresh();
        }));
    }

    public void cancelRecheck() {
        if (recheckJob != null) {
            recheckJob.cancel();
            recheckText.set("Cancelling…");
        }
    }

    private void replaceRow(HistoryEntry entry) {
        PagedHistoryList list = rows.get();
        if (list != null && list.replace(entry)) {
            onRowsUpdated.run();
        }
    }

    public String revokeAdvice(HistoryEntry entry) {
        return RevokeAdvice.describe(entry, clock.instant());
    }

    public Retention retention() {
        return service.retention();
    }

    /** Counts the expired shares, then hands the count to {@code then}. */
    public void countExpired(java.util.function.LongConsumer then) {
        tasks.run(() -> service.store().countExpired(clock.instant()), then::accept, this::showError, null);
    }

    /** Deletes every expired share now. */
    public void purgeExpired() {
        tasks.run(() -> service.store().purgeExpired(clock.instant()), n -> {
            showInfo(String.format("Purged %,d expired %s.", n, n == 1 ? "link" : "links"));
            refresh();
        }, this::showError, null);
    }

    /** Saves the retention setting and applies it at once. */
    public void saveRetention(Retention retention) {
        tasks.run(() -> {
            service.setRetention(retention);
            return service.applyRetention();
        }, n -> {
            showInfo(retention.describe() + (n > 0 ? String.format(" %,d expired links removed.", n) : ""));
            if (n > 0) {
                refresh();
            }
        }, this::showError, null);
    }

    /** Exports {@code selected} (or, when null, everything the current query shows). */
    public void export(Path file, List<HistoryEntry> selected, boolean includeUrls) {
        HistoryQuery q = query.get();
        long[] ids = selected == null ? null : selected.stream().mapToLong(HistoryEntry::id).toArray();
        busy.set(true);
        tasks.run(() -> exchange.export(q, ids, ExportFormat.of(file), file, includeUrls, clock.instant()),
                n -> showInfo(String.format("Exported %,d %s to %s.", n, n == 1 ? "link" : "links", file)),
                this::showError, () -> busy.set(false));
    }

    public void importFile(Path file) {
        busy.set(true);
        tasks.run(() -> exchange.importFile(file), result -> {
            showInfo(String.format("Imported %,d %s; %,d already in the history were skipped.", result.imported(),
                    result.imported() == 1 ? "link" : "links", result.skipped()));
            refresh();
        }, this::showError, () -> busy.set(false));
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

    public Clock clock() { return clock; }
    public Instant now() { return clock.instant(); }
    public ObjectProperty<HistoryQuery> queryProperty() { return query; }
    public ReadOnlyObjectProperty<PagedHistoryList> rowsProperty() { return rows.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HistorySummary> summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return countText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return status.textProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return status.isErrorProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty recheckingProperty() { return rechecking.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty recheckProgressProperty() { return recheckProgress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty recheckTextProperty() { return recheckText.getReadOnlyProperty(); }
    public ObservableList<String> profileChoices() { return profileChoices; }
    public ObservableList<String> bucketChoices() { return bucketChoices; }
}
