package org.linkdesk.browse;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/** Fetches the next page of the open folder when the user nears the end of what the table has loaded. */
final class LoadMoreOnScroll {
    private final TableView<BrowserEntry> table;
    private final ObjectListModel objects;
    private VirtualFlow<?> flow;

    LoadMoreOnScroll(TableView<BrowserEntry> table, ObjectListModel objects) {
        this.table = table;
        this.objects = objects;
    }

    void install() {
        table.skinProperty().addListener(o -> hookScrolling());
        // Checked after every layout pass, when the visible cells are up to date (cheap: a few comparisons).
        Runnable afterLayout = this::maybeLoadMore;
        table.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        objects.rows().addListener((ListChangeListener<BrowserEntry>) c -> Platform.runLater(this::maybeLoadMore));
    }

    private void hookScrolling() {
        flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow != null) {
            flow.positionProperty().addListener(o -> maybeLoadMore());
        }
    }

    private void maybeLoadMore() {
        if (objects.completeProperty().get() || objects.loadingProperty().get()
                || table.getScene() == null || !table.isVisible()) {
            return;
        }
        int shown = table.getItems().size();
        var last = flow == null ? null : flow.getLastVisibleCell();
        int lastIndex = last == null ? shown : last.getIndex();
        if (shown == 0 || lastIndex >= shown - 200 || flow.getPosition() > 0.8) {
            objects.loadMore();
        }
    }
}
