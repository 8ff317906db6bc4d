package org.linkdesk.history;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistorySort;
import org.linkdesk.team.HistoryChange;
import org.linkdesk.team.TeamHistoryChanges;
import org.linkdesk.team.TeamMode;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The History in team mode: who made each link ("Made by"), Mine / Everyone, and live refresh: links another member
 * adds are put on top (the table keeps its selection and rows already loaded), edits replace their rows, and only
 * a missed stretch (the database was away) or a bulk change reloads.
 */
public final class TeamHistoryViewModel {
    private final HistoryViewModel history;
    private final TaskRunner tasks;
    private final ReadOnlyBooleanWrapper teamOn = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty mineOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper newRowsHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper me = new ReadOnlyStringWrapper("");
    private TeamMode team;
    private TeamHistoryChanges changes;
    private int unseen;

    private final java.util.function.Function<TeamMode, org.linkdesk.team.HistoryMove> moves;
    private final org.linkdesk.ui.common.Dialogs dialogs;

    /** @param moves the move of this computer's history into a team database (see {@link #moveHistory}) */
    public TeamHistoryViewModel(HistoryViewModel history, TaskRunner tasks, org.linkdesk.ui.common.Dialogs dialogs,
                                java.util.function.Function<TeamMode, org.linkdesk.team.HistoryMove> moves) {
        this.history = history;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.moves = moves;
        mineOnly.addListener((o, was, now) -> applyFilter());
        history.queryProperty().addListener((o, was, now) -> {
            unseen = 0;
            newRowsHint.set("");
        });
    }

    /** Team mode is on with {@code mode}: shows the maker and listens for the others' links (on the UI thread). */
    public void attach(TeamMode mode) {
        detach();
        team = mode;
        me.set(mode.displayName());
        teamOn.set(true);
        TeamMode listening = mode;
        // The listener connects in the background; each change comes back to the UI thread.
        tasks.run(() -> listening.listen(change -> tasks.runOnUiThread(() -> changed(listening, change))))
                .onSuccess(started -> {
                    if (team == listening) {
                        changes = started;
                    } else {
                        started.close();
                    }
                }).onError(e -> { }).start();
        applyFilter();
    }

    /** Back to the personal history. */
    public void detach() {
        if (changes != null) {
            // Closing waits for the listener thread (up to a connect timeout): not on the UI thread.
            TeamHistoryChanges closing = changes;
            changes = null;
            tasks.run(() -> {
                closing.close();
                return null;
            }).onError(e -> { }).start();
        }
        team = null;
        teamOn.set(false);
        mineOnly.set(false);
        applyFilter();
    }

    private void applyFilter() {
        HistoryQuery q = history.queryProperty().get();
        String madeBy = teamOn.get() && mineOnly.get() ? me.get() : null;
        HistoryQuery wanted = q.withMadeBy(madeBy);
        if (!wanted.equals(q)) {
            history.queryProperty().set(wanted);
        }
    }

    /** One notification, on the UI thread. */
    void changed(TeamMode from, HistoryChange change) {
        if (team != from) {
            return;
        }
        if (change.everything() || change.kind() == HistoryChange.Kind.DELETED) {
            history.refresh();
            return;
        }
        HistoryQuery q = history.queryProperty().get();
        long[] ids = change.ids();
        var now = history.now();
        tasks.run(() -> from.history().matching(ids, q, now)).onSuccess(rows -> {
            if (team != from || !q.equals(history.queryProperty().get())) {
                return;
            }
            if (change.kind() == HistoryChange.Kind.UPDATED) {
                rows.forEach(history.rowLoader()::replace);
            } else if (q.sort() == HistorySort.CREATED && q.descending()) {
                List<HistoryEntry> newest = new ArrayList<>(rows);
                newest.sort((a, b) -> b.share().createdAt().compareTo(a.share().createdAt()));
                if (history.rowLoader().prepend(newest) > 0) {
                    history.refreshSummary();
                }
            } else if (!rows.isEmpty()) {
                // Another order: where they belong is the database's answer, so say so instead of guessing.
                unseen += rows.size();
                newRowsHint.set(unseen == 1 ? "1 new link (Refresh to see it in this order)"
                        : unseen + " new links (Refresh to see them in this order)");
            }
        }).onError(e -> { }).start();
    }

    /**
     * Asks, then copies the links made on this computer into the team history as a background job (progress bar,
     * Cancel); running it again, or after a cancel, copies none twice. The local history stays as it is.
     */
    public void moveHistory() {
        TeamMode mode = team;
        if (mode == null || history.job().isRunning()) {
            return;
        }
        if (!dialogs.confirm("Copy into the team history", "Copy the links made on this computer into the team "
                + "history?", "They are recorded as made by “" + mode.displayName() + "”. Links already "
                + "there are skipped; the history on this computer stays as it is. You can cancel and continue "
                + "later.", "Copy")) {
            return;
        }
        org.linkdesk.team.HistoryMove move = moves.apply(mode);
        var task = tasks.runWithContext(ctx -> move.run(ctx::isCancelled, p -> {
            ctx.progress(p.done(), p.total());
            ctx.message(String.format("Copying into the team history: %,d of %,d", p.done(), p.total()));
        })).onSuccess(outcome -> history.status().info(String.format("Copied %,d %s into the team history%s.",
                outcome.added(), outcome.added() == 1 ? "link" : "links", outcome.skipped() == 0 ? ""
                        : String.format(" (%,d already there)", outcome.skipped()))))
                .onCancelled(() -> history.status().info("Copying stopped; copy again to continue (none is copied "
                        + "twice)."))
                .onError(e -> history.status().error(e));
        history.job().start("Copying into the team history…", task, history::refresh);
    }

    /** Whether the live-refresh connection to the team database is up now. */
    public boolean isListening() {
        return changes != null && changes.isListening();
    }

    /** Whether {@code entry} is one of mine (only mine can be copied: the links are sealed to their maker). */
    public boolean isMine(HistoryEntry entry) {
        return entry != null && (entry.madeBy() == null || entry.madeBy().equals(me.get()));
    }

    public ReadOnlyBooleanProperty teamOnProperty() { return teamOn.getReadOnlyProperty(); }
    public BooleanProperty mineOnlyProperty() { return mineOnly; }
    public ReadOnlyStringProperty newRowsHintProperty() { return newRowsHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty meProperty() { return me.getReadOnlyProperty(); }
}
