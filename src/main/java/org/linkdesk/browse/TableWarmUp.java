package org.linkdesk.browse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Runs the folder table's list, row, cell, CSS and layout code on a hidden copy of the table, a page at a time,
 * soon after the Browse tab is first shown. The first big listing of a JVM's life otherwise stalled the FX thread
 * 52–83 ms (later ones 24–45 ms): the JIT was still compiling these paths on the same two CPUs. Each step is a
 * few milliseconds, one per {@link #GAP}, so the warm-up itself never holds the FX thread long.
 */
final class TableWarmUp {
    static final int PAGE = 1_000;
    static final int PAGES = 25;
    static final int ROUNDS = 3;
    static final Duration DELAY = Duration.millis(800);
    static final Duration GAP = Duration.millis(15);

    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final TableView<BrowserEntry> shown;
    private final ZoneId zone;
    private TableView<BrowserEntry> copy;
    private ObservableList<BrowserEntry> rows;
    private int step;

    TableWarmUp(TableView<BrowserEntry> shown, ZoneId zone) {
        this.shown = shown;
        this.zone = zone;
    }

    /** Starts once the table is in a showing window; call on the FX thread. */
    void install() {
        shown.sceneProperty().addListener((o, was, scene) -> watch(scene));
        watch(shown.getScene());
    }

    private void watch(Scene scene) {
        if (scene != null) {
            scene.windowProperty().addListener((o, was, window) -> watch(window));
            watch(scene.getWindow());
        }
    }

    private void watch(Window window) {
        if (window != null) {
            window.showingProperty().addListener((o, was, showing) -> {
                if (showing) {
                    start();
                }
            });
            if (window.isShowing()) {
                start();
            }
        }
    }

    private void start() {
        if (step == 0) {
            step = 1;
            later(DELAY, this::build);
        }
    }

    private void build() {
        copy = new TableView<>();
        copy.getStyleClass().setAll(shown.getStyleClass());
        TableColumn<BrowserEntry, BrowserEntry> name = new TableColumn<>("Name");
        TableColumn<BrowserEntry, Long> size = new TableColumn<>("Size");
        TableColumn<BrowserEntry, Instant> modified = new TableColumn<>("Modified");
        TableColumn<BrowserEntry, String> storageClass = new TableColumn<>("Class");
        FolderTableBinder.cells(zone, name, size, modified, storageClass);
        copy.getColumns().setAll(List.of(name, size, modified, storageClass));
        rows = FXCollections.observableArrayList();
        copy.setItems(rows);
        copy.setPrefSize(Math.max(400, shown.getWidth()), Math.max(300, shown.getHeight()));
        Scene hidden = new Scene(new Group(copy));
        hidden.getStylesheets().setAll(shown.getScene().getStylesheets());
        next();
    }

    /** One page appended and a jump to the end (as a long listing does), then CSS and layout of the visible rows. */
    private void next() {
        int page = step - 1;
        if (page >= PAGES * ROUNDS) {
            copy = null;
            rows = null;
            done.set(true);
            return;
        }
        if (page % PAGES == 0) {
            rows.clear();
        }
        List<BrowserEntry> added = new ArrayList<>(PAGE);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < PAGE; i++) {
            int n = (page % PAGES) * PAGE + i;
            added.add(n % 97 == 0 ? BrowserEntry.folder("warm/folder-" + n + "/", "warm/")
                    : new BrowserEntry("object-" + n + ".bin", "warm/object-" + n + ".bin", false, 64L * n,
                    t.plusSeconds(n), "etag", "STANDARD"));
        }
        rows.addAll(added);
        copy.scrollTo(page % 2 == 0 ? rows.size() - 1 : rows.size() / 2);
        copy.applyCss();
        copy.layout();
        step++;
        later(GAP, this::next);
    }

    private static void later(Duration after, Runnable action) {
        PauseTransition pause = new PauseTransition(after);
        pause.setOnFinished(e -> action.run());
        pause.play();
    }

    ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
