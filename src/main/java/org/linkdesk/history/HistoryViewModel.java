package org.linkdesk.history;

import java.time.Clock;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.ShareStore;
import org.linkdesk.ui.common.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/** The History tab: newest links first, a page at a time; copy again and delete. */
public final class HistoryViewModel {
    static final int PAGE_SIZE = 200;

    private final ShareStore shares;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final Clock clock;
    private final ObservableList<ShareRecord> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ShareRecord> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);

    public HistoryViewModel(ShareStore shares, TaskRunner tasks, TextClipboard clipboard, Clock clock) {
        this.shares = shares;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.clock = clock;
    }

    /** Reloads the first page. */
    public void refresh() {
        load(0, true);
    }

    /** Appends the next page. */
    public void loadMore() {
        load(rows.size(), false);
    }

    private void load(int offset, boolean replace) {
        busy.set(true);
        tasks.run(() -> shares.newest(PAGE_SIZE + 1, offset), page -> {
            List<ShareRecord> visible = page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page;
            if (replace) {
                rows.setAll(visible);
            } else {
                rows.addAll(visible);
            }
            hasMore.set(page.size() > PAGE_SIZE);
        }, this::showError, () -> busy.set(false));
    }

    /** Copies the selected link again (needs the vault unlocked, as links are stored sealed). */
    public void copySelected() {
        ShareRecord share = selected.get();
        if (share == null) {
            return;
        }
        tasks.run(() -> shares.url(share.id()), url -> {
            if (url.isEmpty()) {
                showError("This link was not kept (it was made before a master password was set); make a new one.");
                return;
            }
            clipboard.put(url.get());
            String note = share.status(clock.instant()).name().equals("EXPIRED") ? " It has expired, though." : "";
            showInfo("Link for " + share.bucket() + "/" + share.key() + " copied to the clipboard." + note);
        }, this::showError, null);
    }

    /** Deletes the selected share from the history (the link itself keeps working until it expires). */
    public void deleteSelected() {
        ShareRecord share = selected.get();
        if (share == null) {
            return;
        }
        tasks.run(() -> shares.delete(share.id()), deleted -> {
            rows.remove(share);
            showInfo("Removed from the history. The link itself works until it expires.");
        }, this::showError, null);
    }

    private void showInfo(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void showError(Throwable e) {
        showError(UserMessages.describe(e));
    }

    private void showError(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    public Clock clock() { return clock; }
    public ObservableList<ShareRecord> rows() { return rows; }
    public ObjectProperty<ShareRecord> selectedProperty() { return selected; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasMoreProperty() { return hasMore.getReadOnlyProperty(); }
}
