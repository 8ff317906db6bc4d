package org.linkdesk.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.ShareStatus;
import org.linkdesk.ui.common.Fxml;

/** The History tab: search, filters, summary chips, the paged table and the actions, bound to the view model. */
public final class HistoryView {
    private final HistoryViewModel model;
    private final ZoneId zone;
    private final BiConsumer<String, String> useInForm;
    private final Parent root;
    private final PauseTransition searchDelay = new PauseTransition(Duration.millis(250));
    private HistorySelection selection;
    private SummaryChips chips;

    @FXML private TextField historySearchField;
    @FXML private ComboBox<ShareStatus> historyStatusBox;
    @FXML private ComboBox<String> historyProfileBox;
    @FXML private ComboBox<String> historyBucketBox;
    @FXML private ComboBox<HttpMethod> historyMethodBox;
    @FXML private TextField historyTagField;
    @FXML private DatePicker historyCreatedFrom;
    @FXML private DatePicker historyCreatedTo;
    @FXML private DatePicker historyExpiresFrom;
    @FXML private DatePicker historyExpiresTo;
    @FXML private Button historyClearButton;
    @FXML private Label historyCountLabel;
    @FXML private ToggleButton historyActiveChip;
    @FXML private ToggleButton historyExpiringChip;
    @FXML private ToggleButton historyExpiredChip;
    @FXML private ToggleButton historyGoneChip;
    @FXML private ToggleButton historyChangedChip;
    @FXML private ProgressIndicator historyBusyIndicator;
    @FXML private Button historyRefreshButton;
    @FXML private Button historyCopyButton;
    @FXML private Button historyTestButton;
    @FXML private Button historyRenewButton;
    @FXML private Button historyEditButton;
    @FXML private Button historyRevokeButton;
    @FXML private Button historyUseButton;
    @FXML private Button historyDeleteButton;
    @FXML private MenuButton historyRecheckMenu;
    @FXML private MenuItem historyRecheckSelected;
    @FXML private MenuItem historyRecheckAll;
    @FXML private MenuItem historyExportSelected;
    @FXML private MenuItem historyExportAll;
    @FXML private CheckMenuItem historyIncludeUrls;
    @FXML private MenuItem historyImport;
    @FXML private Button historyPurgeButton;
    @FXML private TableView<HistoryEntry> historyTable;
    @FXML private TableColumn<HistoryEntry, String> createdColumn;
    @FXML private TableColumn<HistoryEntry, String> profileColumn;
    @FXML private TableColumn<HistoryEntry, String> bucketColumn;
    @FXML private TableColumn<HistoryEntry, String> keyColumn;
    @FXML private TableColumn<HistoryEntry, String> methodColumn;
    @FXML private TableColumn<HistoryEntry, String> expiresColumn;
    @FXML private TableColumn<HistoryEntry, HistoryEntry> statusColumn;
    @FXML private TableColumn<HistoryEntry, String> noteColumn;
    @FXML private TableColumn<HistoryEntry, String> tagsColumn;
    @FXML private Label historyMessageLabel;
    // Team mode (issue 16): bound by TeamHistoryControls.
    @FXML private TableColumn<HistoryEntry, String> madeByColumn;
    @FXML private HBox historyTeamToggle;
    @FXML private ToggleButton historyMineToggle;
    @FXML private ToggleButton historyEveryoneToggle;
    @FXML private Label historyNewRowsHint;
    @FXML private MenuItem historyMoveToTeam;
    @FXML private HBox historyRecheckBox;
    @FXML private Label historyRecheckLabel;
    @FXML private ProgressBar historyRecheckProgress;
    @FXML private Button historyRecheckCancel;

    /** @param useInForm called with bucket and key when the user wants a new link for a past object */
    public HistoryView(HistoryViewModel model, ZoneId zone, BiConsumer<String, String> useInForm) {
        this(model, zone, useInForm, null, null);
    }

    /** @param protectedRow the protected-link bar's model, or null for none (then {@code scenes} may be null too) */
    public HistoryView(HistoryViewModel model, ZoneId zone, BiConsumer<String, String> useInForm,
                       ProtectedRowViewModel protectedRow, org.linkdesk.ui.common.SceneFactory scenes) {
        this.model = model;
        this.zone = zone;
        this.useInForm = useInForm;
        this.root = Fxml.load(this, "History.fxml");
        root.getStylesheets().add(HistoryView.class.getResource("history.css").toExternalForm());
        selection.addRowActions();
        if (protectedRow != null) {
            var pane = (javafx.scene.layout.BorderPane) root;
            pane.setBottom(new javafx.scene.layout.VBox(new ProtectedRowBar(protectedRow, scenes).node(),
                    pane.getBottom()));
            historyTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                    protectedRow.select(now));
        }
    }

    @FXML
    private void initialize() {
        selection = new HistorySelection(historyTable, model, this::copyAsMenu);
        chips = new SummaryChips(historyActiveChip, historyExpiringChip, historyExpiredChip, historyGoneChip,
                historyChangedChip);
        setUpTable();
        setUpFilters();
        setUpSummary();
        setUpActions();
        historyBusyIndicator.visibleProperty().bind(model.busyProperty());
        historyCountLabel.textProperty().bind(model.countTextProperty());
        historyMessageLabel.textProperty().bind(model.messageProperty());
        org.linkdesk.ui.common.Styles.bindOutcome(historyMessageLabel, model.messageIsErrorProperty().not());
        // One bar for the running job (re-check, export, import, purge), with Cancel.
        historyRecheckBox.visibleProperty().bind(model.jobRunningProperty());
        historyRecheckBox.managedProperty().bind(model.jobRunningProperty());
        historyRecheckLabel.textProperty().bind(model.jobTextProperty());
        historyRecheckProgress.progressProperty().bind(model.jobProgressProperty());
        historyRecheckCancel.setOnAction(e -> model.cancelJob());
        historyRefreshButton.setOnAction(e -> model.refresh());
    }

    private void setUpTable() {
        historyTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        model.rowsProperty().addListener((obs, old, rows) -> historyTable.setItems(rows));
        if (model.rowsProperty().get() != null) {
            // The window may create this view after the first rows were loaded.
            historyTable.setItems(model.rowsProperty().get());
        }
        model.setOnRowsUpdated(historyTable::refresh);
        new HistoryColumns(zone, model::now)
                .created(createdColumn).profile(profileColumn).bucket(bucketColumn).key(keyColumn)
                .method(methodColumn).expires(expiresColumn).status(statusColumn).note(noteColumn).tags(tagsColumn)
                .sortThrough(historyTable, model.queryProperty());
    }

    private void setUpFilters() {
        historyStatusBox.getItems().setAll(ShareStatus.values());
        historyStatusBox.setConverter(HistoryCells.statusConverter());
        // A ComboBox cleared back to null shows an empty button instead of its prompt: say "Any …" instead.
        historyStatusBox.setButtonCell(HistoryCells.promptCell("Any status", ShareStatus::label));
        historyProfileBox.setButtonCell(HistoryCells.promptCell("Any profile", String::valueOf));
        historyMethodBox.setButtonCell(HistoryCells.promptCell("Any method", HttpMethod::name));
        historyMethodBox.getItems().setAll(HttpMethod.values());
        historyProfileBox.setItems(model.profileChoices());
        historyBucketBox.setItems(model.bucketChoices());
        historySearchField.textProperty().addListener((obs, old, text) -> searchDelay.playFromStart());
        searchDelay.setOnFinished(e -> applyFilters());
        historySearchField.setOnAction(e -> {
            searchDelay.stop();
            applyFilters();
        });
        historyTagField.setOnAction(e -> applyFilters());
        historyTagField.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                applyFilters();
            }
        });
        for (ComboBox<?> box : List.of(historyStatusBox, historyProfileBox, historyMethodBox)) {
            box.valueProperty().addListener((obs, old, v) -> applyFilters());
        }
        historyBucketBox.valueProperty().addListener((obs, old, v) -> applyFilters());
        for (DatePicker picker : List.of(historyCreatedFrom, historyCreatedTo, historyExpiresFrom, historyExpiresTo)) {
            picker.valueProperty().addListener((obs, old, v) -> applyFilters());
        }
        historyClearButton.setOnAction(e -> clearFilters());
    }

    private void clearFilters() {
        historySearchField.clear();
        historyTagField.clear();
        historyStatusBox.setValue(null);
        historyProfileBox.setValue(null);
        historyBucketBox.setValue(null);
        historyMethodBox.setValue(null);
        for (DatePicker picker : List.of(historyCreatedFrom, historyCreatedTo, historyExpiresFrom, historyExpiresTo)) {
            picker.setValue(null);
        }
        searchDelay.stop();
        applyFilters();
    }

    private void applyFilters() {
        HistoryQuery q = model.queryProperty().get()
                .withSearch(historySearchField.getText())
                .withStatus(historyStatusBox.getValue())
                .withProfile(historyProfileBox.getValue())
                .withBucket(historyBucketBox.getValue())
                .withMethod(historyMethodBox.getValue())
                .withTag(historyTagField.getText())
                .withCreated(start(historyCreatedFrom.getValue()), endOfDay(historyCreatedTo.getValue()))
                .withExpires(start(historyExpiresFrom.getValue()), endOfDay(historyExpiresTo.getValue()));
        if (!q.equals(model.queryProperty().get())) {
            model.queryProperty().set(q);
        }
        chips.select(q.status());
    }

    private Instant start(LocalDate date) {
        return date == null ? null : date.atStartOfDay(zone).toInstant();
    }

    private Instant endOfDay(LocalDate date) {
        return date == null ? null : date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private void setUpSummary() {
        chips.onChosen(historyStatusBox::setValue);
        model.summaryProperty().addListener((obs, old, s) -> chips.show(s));
        chips.show(model.summaryProperty().get());
    }

    private void setUpActions() {
        var nothingSelected = historyTable.getSelectionModel().selectedItemProperty().isNull();
        for (var b : List.of(historyCopyButton, historyTestButton, historyRenewButton, historyEditButton, historyRevokeButton,
                historyUseButton, historyDeleteButton)) {
            b.disableProperty().bind(nothingSelected);
        }
        historyRecheckSelected.disableProperty().bind(nothingSelected.or(model.jobRunningProperty()));
        historyRecheckAll.disableProperty().bind(model.jobRunningProperty());
        historyExportSelected.disableProperty().bind(nothingSelected);
        historyCopyButton.setOnAction(e -> model.copy(selection.selected()));
        historyTestButton.setOnAction(e -> model.testLink(selection.selected()));
        historyRenewButton.setOnAction(e -> model.askRenew(selection.selected()));
        historyEditButton.setOnAction(e -> model.askEdit(selection.selected()));
        historyRevokeButton.setOnAction(e -> model.showRevokeAdvice(selection.selected()));
        historyDeleteButton.setOnAction(e -> model.askDelete(selection.loadedEntries()));
        historyUseButton.setOnAction(e -> {
            HistoryEntry s = selection.selected();
            if (s != null) {
                useInForm.accept(s.share().bucket(), s.share().key());
            }
        });
        historyRecheckSelected.setOnAction(e -> model.recheck(selection.loadedEntries()));
        historyRecheckAll.setOnAction(e -> model.recheckAllActive());
        historyExportSelected.setOnAction(e -> model.export(selection.loadedEntries(),
                historyIncludeUrls.isSelected()));
        historyExportAll.setOnAction(e -> model.export(null, historyIncludeUrls.isSelected()));
        historyImport.setOnAction(e -> model.importFile());
        historyPurgeButton.setOnAction(e -> model.expired());
    }

    private java.util.Optional<MenuItem> copyAsMenu() {
        if (model.copyFormats().isEmpty()) {
            return java.util.Optional.empty();
        }
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu("Copy as");
        menu.setId("historyMenuCopyAs");
        for (var format : model.copyFormats()) {
            MenuItem item = new MenuItem(format.label());
            item.setOnAction(e -> model.copyAs(selection.selected(), format, zone));
            menu.getItems().add(item);
        }
        return java.util.Optional.of(menu);
    }

    /** Shows the team's parts (Made by, Mine / Everyone, new links) while {@code team} is on. */
    public void showTeam(TeamHistoryViewModel team) {
        TeamHistoryControls.bind(team, madeByColumn, historyTeamToggle, historyMineToggle, historyEveryoneToggle,
                historyNewRowsHint);
        TeamHistoryControls.keepScrollOnTopAdditions(historyTable);
        // A teammate's profile name says little here; "Made by" takes its place.
        profileColumn.visibleProperty().bind(team.teamOnProperty().not());
        historyMoveToTeam.visibleProperty().bind(team.teamOnProperty());
        historyMoveToTeam.disableProperty().bind(model.jobRunningProperty());
        historyMoveToTeam.setOnAction(e -> team.moveHistory());
    }

    public Parent root() {
        return root;
    }
}
