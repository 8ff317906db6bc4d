package org.linkdesk.browse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.links.ExpiryPreset;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.common.Fxml;

/** The Browse tab: buckets on the left, the folder's table in the middle, details and a quick link on the right. */
public final class BrowseView {
    private final BrowseViewModel model;
    private final ZoneId zone;
    private final BiConsumer<String, List<ListedObject>> openBatch;
    private final BiConsumer<String, String> useInForm;
    private final Parent root;
    private VirtualFlow<?> flow;

    @FXML private TextField browseBucketField;
    @FXML private Button browseOpenBucketButton;
    @FXML private ListView<BucketEntry> browseBucketList;
    @FXML private Label browseBucketMessage;
    @FXML private Button browseBookmarkButton;
    @FXML private Button browseReloadBucketsButton;
    @FXML private Button browseUpButton;
    @FXML private ScrollPane browseCrumbScroll;
    @FXML private HBox browseBreadcrumb;
    @FXML private TextField browseFilterField;
    @FXML private Button browseRefreshButton;
    @FXML private TableView<BrowserEntry> browseTable;
    @FXML private TableColumn<BrowserEntry, BrowserEntry> browseNameColumn;
    @FXML private TableColumn<BrowserEntry, Long> browseSizeColumn;
    @FXML private TableColumn<BrowserEntry, Instant> browseModifiedColumn;
    @FXML private TableColumn<BrowserEntry, String> browseClassColumn;
    @FXML private Label browsePlaceholder;
    @FXML private ProgressIndicator browseProgress;
    @FXML private Label browseStatusLabel;
    @FXML private Button browseLoadAllButton;
    @FXML private Button browseCancelButton;
    @FXML private Button browseBatchSelectedButton;
    @FXML private Button browseBatchAllButton;
    @FXML private Spinner<Integer> browseBatchLimit;
    @FXML private ProgressIndicator browseCollectProgress;
    @FXML private Label browseCollectLabel;
    @FXML private Button browseCollectCancelButton;
    @FXML private Label browseNoSelection;
    @FXML private VBox browseDetails;
    @FXML private Label browseDetailsTitle;
    @FXML private Label browseDetailsKey;
    @FXML private Label browseSizeLabel;
    @FXML private Label browseTypeLabel;
    @FXML private Label browseModifiedLabel;
    @FXML private Label browseEtagLabel;
    @FXML private Label browseClassLabel;
    @FXML private VBox browseMetadataBox;
    @FXML private ComboBox<ExpiryPreset> browsePresetBox;
    @FXML private TextField browseDownloadNameField;
    @FXML private Button browseMakeLinkButton;
    @FXML private Button browseMoreOptionsButton;
    @FXML private TextField browseUrlField;
    @FXML private Button browseCopyButton;
    @FXML private Label browseDetailsMessage;

    /**
     * @param openBatch called with the bucket and the objects to make a batch of links for
     * @param useInForm called with bucket and key for "More options…" (the full link form)
     */
    public BrowseView(BrowseViewModel model, ZoneId zone, BiConsumer<String, List<ListedObject>> openBatch,
                      BiConsumer<String, String> useInForm) {
        this.model = model;
        this.zone = zone;
        this.openBatch = openBatch;
        this.useInForm = useInForm;
        this.root = Fxml.load(this, "Browse.fxml");
    }

    @FXML
    private void initialize() {
        initBuckets();
        initTable();
        initStatus();
        new BrowseDetailsBinder(model.details(), zone, this).bind();
        initBatch();
    }

    private void initBuckets() {
        new BucketColumnBinder(model, browseBucketField, browseOpenBucketButton, browseBucketList,
                browseBucketMessage, browseBookmarkButton, browseReloadBucketsButton).bind();
    }

    private void initTable() {
        ObjectListModel objects = model.objects();
        // The model sorts (folders first, then by the clicked columns); the table only reports the order.
        browseTable.setSortPolicy(t -> {
            Comparator<BrowserEntry> byColumns = t.getComparator();
            objects.setOrder(t.getSortOrder().isEmpty() ? null : BrowserEntry.FOLDERS_FIRST.thenComparing(byColumns));
            return true;
        });
        browseTable.setItems(objects.rows());
        browseTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        browseTable.getSortOrder().addListener((ListChangeListener<TableColumn<BrowserEntry, ?>>) c -> {
            boolean byName = browseTable.getSortOrder().isEmpty() || browseTable.getSortOrder().get(0) == browseNameColumn;
            if (!byName && !objects.completeProperty().get()) {
                objects.loadAll();
            }
        });

        browseNameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        browseNameColumn.setComparator(Comparator.comparing(BrowserEntry::name));
        browseNameColumn.setCellFactory(c -> new NameCell());
        browseSizeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        browseSizeColumn.setCellFactory(c -> textCell(size -> size < 0 ? "" : Formats.size(size)));
        browseModifiedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastModified()));
        browseModifiedColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        browseModifiedColumn.setCellFactory(c -> textCell(t -> t == null ? "" : Formats.shortDateTime(t, zone)));
        // The name column takes whatever width the others leave (less a scroll bar's).
        browseNameColumn.prefWidthProperty().bind(browseTable.widthProperty().subtract(
                browseSizeColumn.widthProperty()).subtract(browseModifiedColumn.widthProperty())
                .subtract(browseClassColumn.widthProperty()).subtract(18));
        browseClassColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().storageClass() == null ? "" : c.getValue().storageClass()));

        browseTable.setRowFactory(t -> {
            TableRow<BrowserEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    activate(row.getItem());
                }
            });
            return row;
        });
        browseTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && browseTable.getSelectionModel().getSelectedItem() != null) {
                activate(browseTable.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                model.up();
                e.consume();
            }
        });
        browseTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                model.details().show(objects.bucketProperty().get(), now));

        browseFilterField.textProperty().bindBidirectional(objects.filterProperty());
        browseRefreshButton.setOnAction(e -> objects.refresh());
        browseRefreshButton.disableProperty().bind(objects.bucketProperty().isEmpty());
        browseUpButton.setOnAction(e -> model.up());
        browseUpButton.disableProperty().bind(objects.prefixProperty().isEmpty());
        Breadcrumb breadcrumb = new Breadcrumb(browseBreadcrumb, browseCrumbScroll, model::openFolder);
        Runnable showPath = () -> breadcrumb.show(objects.bucketProperty().get(), objects.prefixProperty().get());
        objects.bucketProperty().addListener(o -> showPath.run());
        objects.prefixProperty().addListener(o -> showPath.run());
        objects.bucketProperty().addListener((o, was, now) -> browsePlaceholder.setText(now.isEmpty()
                ? "Choose a bucket on the left." : "Nothing here."));
        browseTable.skinProperty().addListener(o -> hookScrolling());
        // Checked after every layout pass, when the visible cells are up to date (cheap: a few comparisons).
        Runnable afterLayout = this::maybeLoadMore;
        browseTable.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        objects.rows().addListener((ListChangeListener<BrowserEntry>) c -> Platform.runLater(this::maybeLoadMore));
        showPath.run();
    }

    /** Double-click or Enter: into a folder, or a link for an object. */
    private void activate(BrowserEntry entry) {
        if (entry.folder()) {
            model.openFolder(entry.key());
        } else {
            model.details().show(model.objects().bucketProperty().get(), entry);
            model.details().makeLink();
        }
    }

    private void hookScrolling() {
        flow = (VirtualFlow<?>) browseTable.lookup(".virtual-flow");
        if (flow != null) {
            flow.positionProperty().addListener(o -> maybeLoadMore());
        }
    }

    /** Fetches the next page when the user nears the end of what is loaded. */
    private void maybeLoadMore() {
        if (model.objects().completeProperty().get() || model.objects().loadingProperty().get()
                || browseTable.getScene() == null || !browseTable.isVisible()) {
            return;
        }
        int shown = browseTable.getItems().size();
        var last = flow == null ? null : flow.getLastVisibleCell();
        int lastIndex = last == null ? shown : last.getIndex();
        if (shown == 0 || lastIndex >= shown - 200 || flow.getPosition() > 0.8) {
            model.objects().loadMore();
        }
    }

    private void initStatus() {
        ObjectListModel objects = model.objects();
        browseStatusLabel.textProperty().bind(objects.statusProperty());
        objects.statusIsErrorProperty().addListener((o, was, error) -> {
            browseStatusLabel.getStyleClass().removeAll("hint", "problem");
            browseStatusLabel.getStyleClass().add(error ? "problem" : "hint");
        });
        show(browseProgress, objects.loadingProperty());
        show(browseCancelButton, objects.loadingProperty());
        show(browseLoadAllButton, objects.completeProperty().not().and(objects.loadingProperty().not()));
        browseCancelButton.setOnAction(e -> objects.cancel());
        browseLoadAllButton.setOnAction(e -> objects.loadAll());
    }

    private void initBatch() {
        var selected = browseTable.getSelectionModel().getSelectedItems();
        browseBatchSelectedButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.stream().noneMatch(e -> e != null && !e.folder()), selected));
        browseBatchSelectedButton.setOnAction(e -> openBatch.accept(model.objects().bucketProperty().get(),
                selected.stream().filter(x -> !x.folder()).map(BrowserEntry::toListedObject).toList()));
        browseBatchLimit.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                BrowseViewModel.MAX_BATCH_LIMIT, model.batchLimitProperty().get(), 100));
        browseBatchLimit.valueProperty().addListener((o, was, now) -> model.batchLimitProperty().set(now));
        browseBatchAllButton.disableProperty().bind(model.objects().bucketProperty().isEmpty()
                .or(model.collectingProperty()));
        browseBatchAllButton.setOnAction(e -> model.collectAllUnderFolder(
                found -> openBatch.accept(model.objects().bucketProperty().get(), found)));
        browseCollectLabel.textProperty().bind(model.collectMessageProperty());
        show(browseCollectProgress, model.collectingProperty());
        show(browseCollectCancelButton, model.collectingProperty());
        browseCollectCancelButton.setOnAction(e -> model.cancelCollect());
    }

    static void show(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static <T> TableCell<BrowserEntry, T> textCell(java.util.function.Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : format.apply(value));
            }
        };
    }

    // Accessors for BrowseDetailsBinder, which binds the details pane.
    Label noSelection() { return browseNoSelection; }
    VBox details() { return browseDetails; }
    Label detailsTitle() { return browseDetailsTitle; }
    Label detailsKey() { return browseDetailsKey; }
    Label sizeLabel() { return browseSizeLabel; }
    Label typeLabel() { return browseTypeLabel; }
    Label modifiedLabel() { return browseModifiedLabel; }
    Label etagLabel() { return browseEtagLabel; }
    Label classLabel() { return browseClassLabel; }
    VBox metadataBox() { return browseMetadataBox; }
    ComboBox<ExpiryPreset> presetBox() { return browsePresetBox; }
    TextField downloadNameField() { return browseDownloadNameField; }
    Button makeLinkButton() { return browseMakeLinkButton; }
    Button moreOptionsButton() { return browseMoreOptionsButton; }
    TextField urlField() { return browseUrlField; }
    Button copyButton() { return browseCopyButton; }
    Label detailsMessage() { return browseDetailsMessage; }
    BiConsumer<String, String> useInForm() { return useInForm; }

    public Parent root() {
        return root;
    }

    /** For tests and the benchmark: the table. */
    public TableView<BrowserEntry> table() {
        return browseTable;
    }

}
