package org.linkdesk.history;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import org.linkdesk.store.HistoryEntry;

/** Binds the History's team controls (Made by column, Mine / Everyone, the new-links hint) to the view model. */
final class TeamHistoryControls {
    private TeamHistoryControls() {
    }

    /**
     * Rows put on top (live refresh) push the others down: a table scrolled away from the top scrolls with them, so
     * the rows in view stay in view. At the top, the new rows show.
     */
    static void keepScrollOnTopAdditions(javafx.scene.control.TableView<HistoryEntry> table) {
        javafx.collections.ListChangeListener<HistoryEntry> onAdded = c -> {
            int added = 0;
            while (c.next()) {
                if (c.wasAdded() && !c.wasReplaced() && c.getFrom() == 0) {
                    added += c.getAddedSize();
                }
            }
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
            var firstCell = flow == null ? null : flow.getFirstVisibleCell();
            if (added > 0 && firstCell != null && firstCell.getIndex() > 0) {
                table.scrollTo(firstCell.getIndex() + added);
            }
        };
        table.itemsProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeListener(onAdded);
            }
            if (now != null) {
                now.addListener(onAdded);
            }
        });
        if (table.getItems() != null) {
            table.getItems().addListener(onAdded);
        }
    }

    static void bind(TeamHistoryViewModel team, TableColumn<HistoryEntry, String> madeBy, HBox toggle,
                     ToggleButton mine, ToggleButton everyone, Label newRows) {
        madeBy.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null
                : c.getValue().madeBy()));
        madeBy.setSortable(false);
        madeBy.visibleProperty().bind(team.teamOnProperty());
        toggle.visibleProperty().bind(team.teamOnProperty());
        toggle.managedProperty().bind(team.teamOnProperty());
        ToggleGroup group = new ToggleGroup();
        mine.setToggleGroup(group);
        everyone.setToggleGroup(group);
        everyone.setSelected(!team.mineOnlyProperty().get());
        mine.setSelected(team.mineOnlyProperty().get());
        // A segmented pair: one is always chosen.
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                team.mineOnlyProperty().set(now == mine);
            }
        });
        team.mineOnlyProperty().addListener((o, was, now) -> (now ? mine : everyone).setSelected(true));
        mine.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() ->
                new javafx.scene.control.Tooltip("Only the links made as \u201c" + team.meProperty().get()
                        + "\u201d"), team.meProperty()));
        newRows.textProperty().bind(team.newRowsHintProperty());
        var hasHint = team.newRowsHintProperty().isNotEmpty();
        newRows.visibleProperty().bind(hasHint);
        newRows.managedProperty().bind(hasHint);
    }
}
