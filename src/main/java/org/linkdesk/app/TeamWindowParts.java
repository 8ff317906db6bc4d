package org.linkdesk.app;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.linkdesk.history.HistoryViewModel;
import org.linkdesk.history.TeamHistoryViewModel;
import org.linkdesk.team.TeamMode;
import org.linkdesk.team.ui.TeamStatusViewModel;
import org.linkdesk.ui.common.UserMessages;

/**
 * The main window's team mode (issue 16): starting it after the unlock when this computer is set up for it, the
 * "Team database…" menu item, and the status bar's "Team: online" / "offline — 3 links waiting" indicator.
 */
final class TeamWindowParts {
    private final GuiRoot gui;
    private final HistoryViewModel history;
    private final TeamHistoryViewModel teamHistory;
    private final TeamStatusViewModel status;
    private final Consumer<String> message;
    private final Runnable switched;
    private boolean started;

    /** @param switched runs after team mode went on or off (the window remakes what depends on it) */
    TeamWindowParts(GuiRoot gui, HistoryViewModel history, Label indicator, Consumer<String> message,
                    Runnable switched) {
        this.gui = gui;
        this.switched = switched;
        this.history = history;
        this.teamHistory = new TeamHistoryViewModel(history, gui.tasks(), gui.dialogs(), mode -> mode.historyMove(
                new org.linkdesk.store.PersonalHistoryRows(gui.services().database(), gui.services().vault())));
        this.status = new TeamStatusViewModel(gui.tasks());
        this.message = message;
        indicator.textProperty().bind(status.textProperty());
        indicator.visibleProperty().bind(status.visibleProperty());
        indicator.managedProperty().bind(status.visibleProperty());
        org.linkdesk.ui.common.Styles.bindOutcome(indicator, status.onlineProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(status.detailProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        indicator.setTooltip(tip);
        indicator.setOnMouseClicked(e -> status.retry());
        // The live-refresh connection tells whether the database answers, also when no link waits to be sent.
        javafx.animation.Timeline watch = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(3), e -> {
                    if (status.visibleProperty().get()) {
                        status.reachable(teamHistory.isListening());
                    }
                }));
        watch.setCycleCount(javafx.animation.Animation.INDEFINITE);
        watch.play();
    }

    TeamHistoryViewModel history() {
        return teamHistory;
    }

    /** After the first unlock: team mode on when set up (the password may be in the vault, now open). */
    void startIfConfigured() {
        if (started) {
            return;
        }
        started = true;
        gui.tasks().run(this::startTeamIfConfigured).onSuccess(mode -> mode.ifPresent(this::show))
                .onError(e -> message.accept("Team mode is not on: " + UserMessages.describe(e))).start();
    }

    MenuItem menuItem() {
        MenuItem item = new MenuItem("Team database…");
        item.setId("profilesTeam");
        item.setOnAction(e -> showTeamSettings(on -> {
            var mode = gui.services().team();
            if (on && mode.isPresent()) {
                show(mode.get());
            } else {
                teamHistory.detach();
                status.detach();
                switched.run();
                history.refresh();
            }
        }));
        return item;
    }

    /** Switches to team mode when this computer is set up for it (after unlocking: the password may be in the vault). */
    private java.util.Optional<TeamMode> startTeamIfConfigured() {
        var services = gui.services();
        var settings = services.teamSettings(System.getenv());
        return settings.resolve(null).map(r -> services.useTeam(settings, r, true));
    }

    /** The "Team database" settings; {@code onSwitched} runs (UI thread) after Use or Turn off. */
    private void showTeamSettings(Consumer<Boolean> onSwitched) {
        var model = new org.linkdesk.team.ui.TeamSettingsViewModel(teamSetup(), gui.tasks());
        model.setOnSwitched(onSwitched);
        new org.linkdesk.team.ui.TeamSettingsDialog(model, gui.window(), gui.scenes()).showAndWait();
    }

    private org.linkdesk.team.TeamSetup teamSetup() {
        var services = gui.services();
        var settings = services.teamSettings(System.getenv());
        return new org.linkdesk.team.TeamSetup(settings, new org.linkdesk.team.TeamSetup.Modes() {
            @Override
            public void useTeam(org.linkdesk.team.TeamSettings.Resolved resolved) {
                services.useTeam(settings, resolved, true);
            }

            @Override
            public void leaveTeam() {
                services.leaveTeam();
            }
        }, services.team().map(t -> t.database().connection().safeUrl()).orElse(null));
    }

    private void show(TeamMode mode) {
        teamHistory.attach(mode);
        status.attach(mode.sender());
        switched.run();
        history.refresh();
    }
}
