package org.linkdesk.browse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.links.ExpiryPreset;
import org.linkdesk.ui.common.Fxml;

/** The Browse tab: buckets on the left, the folder's table in the middle, details and a quick link on the right. */
public final class BrowseView {
    private final BrowseViewModel model;
    private final ZoneId zone;
    private final BiConsumer<String, List<ListedObject>> openBatch;
    private final BiConsumer<String, String> useInForm;
    private final Parent root;
    private TableWarmUp tableWarmUp;

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
    @FXML private javafx.scene.control.MenuButton browseUploadMenu;
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
    @FXML private Button browseProtectedLinkButton;
    private BiConsumer<String, String> protectedLink = (bucket, key) -> { };
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
        new FolderTableBinder(model, zone, browseTable, browseNameColumn, browseSizeColumn, browseModifiedColumn,
                browseClassColumn).bind();
        initPathBar();
        new LoadMoreOnScroll(browseTable, model.objects()).install();
        BrowseRowMenus.install(browseTable, model, openBatch, useInForm);
        BrowseRowMenus.installOnBuckets(browseBucketList, model);
        tableWarmUp = new TableWarmUp(browseTable, zone);
        tableWarmUp.install();
    }

    /** True once the table's code has been run on a hidden copy (see {@link TableWarmUp}). */
    public javafx.beans.property.ReadOnlyBooleanProperty tableWarmedUpProperty() {
        return tableWarmUp.doneProperty();
    }

    /** The bar above the table: up, the breadcrumb, the filter and refresh; and the empty table's hint. */
    private void initPathBar() {
        ObjectListModel objects = model.objects();
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
        showPath.run();
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
    Button protectedLinkButton() { return browseProtectedLinkButton; }
    BiConsumer<String, String> protectedLink() { return protectedLink; }

    /** "Protected…": called with bucket and key to make a gateway link (password, limit, log). */
    public void setOnProtectedLink(BiConsumer<String, String> action) {
        this.protectedLink = action;
    }

    /** Where files dropped on the folder table go (a folder's row: into it; elsewhere: the folder shown). */
    @FunctionalInterface
    public interface FilesDropped {
        void upload(List<java.io.File> files, String bucket, String prefix);
    }

    /** Accepts files dropped on the folder table and hands them to {@code handler}. */
    public void setOnFilesDropped(FilesDropped handler) {
        FolderDropTarget.install(browseTable, model.objects(), handler);
    }
    /** The "Upload" menu of the folder shown (upload files, unfinished uploads, links for others). */
    public void setUploadActions(List<javafx.scene.control.MenuItem> items) {
        browseUploadMenu.getItems().setAll(items);
        browseUploadMenu.setVisible(!items.isEmpty());
        browseUploadMenu.setManaged(!items.isEmpty());
    }
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
