package org.linkdesk.team.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.linkdesk.team.OutboxSender;
import org.linkdesk.team.OutboxStatus;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The status bar's team indicator: "Team: online", "Team: offline — 3 links waiting"; nothing in personal mode.
 * Follows the outbox sender's status, which arrives on the sender's thread and is shown on the UI thread.
 */
public final class TeamStatusViewModel {
    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private OutboxSender sender;
    private Consumer<OutboxStatus> listener;
    private OutboxStatus last = new OutboxStatus(true, 0, null);
    /** Whether the live-refresh connection is up; null until first known. The sender alone says "online" while it
     * has nothing to send, without asking the database. */
    private Boolean reachable;

    public TeamStatusViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Team mode is on: follows {@code outboxSender} (on the UI thread). */
    public void attach(OutboxSender outboxSender) {
        detach();
        sender = outboxSender;
        OutboxSender following = outboxSender;
        listener = status -> tasks.runOnUiThread(() -> {
            if (sender == following) {
                show(status);
            }
        });
        outboxSender.addListener(listener);
        reachable = null;
        visible.set(true);
        show(outboxSender.status());
    }

    public void detach() {
        if (sender != null) {
            sender.removeListener(listener);
        }
        sender = null;
        visible.set(false);
        text.set("");
        detail.set("");
    }

    /** Asks the sender to try again now (the indicator was clicked). */
    public void retry() {
        if (sender != null) {
            sender.wake();
        }
    }

    /** What the live-refresh connection says about the team database (called now and then on the UI thread). */
    public void reachable(boolean up) {
        if (sender != null && (reachable == null || reachable != up)) {
            reachable = up;
            show(last);
        }
    }

    void show(OutboxStatus reported) {
        last = reported;
        if (reachable == null && reported.waiting() == 0 && reported.lastError() == null) {
            text.set("Team: connecting…");
            online.set(true);
            detail.set("Connecting to the team database.");
            return;
        }
        OutboxStatus status = Boolean.FALSE.equals(reachable) && reported.online()
                ? new OutboxStatus(false, reported.waiting(), reported.lastError()) : reported;
        String summary = status.summary();
        text.set(summary.isEmpty() ? "Team: online" : "Team: " + summary);
        online.set(status.online());
        detail.set(status.online() ? (status.waiting() == 0 ? "Every link made here is in the team history."
                : "Sending the links made here to the team database.")
                : "Links you make are kept on this computer and sent when the team database is back."
                + (status.lastError() == null ? "" : " " + status.lastError()));
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty visibleProperty() { return visible.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty onlineProperty() { return online.getReadOnlyProperty(); }
}
