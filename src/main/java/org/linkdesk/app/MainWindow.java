package org.linkdesk.app;

import java.time.ZoneId;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.linkdesk.browse.BatchLinkDialog;
import org.linkdesk.browse.BatchLinkViewModel;
import org.linkdesk.browse.BrowseView;
import org.linkdesk.browse.BrowseViewModel;
import org.linkdesk.history.HistoryView;
import org.linkdesk.history.HistoryViewModel;
import org.linkdesk.links.LinkFormView;
import org.linkdesk.links.LinkFormViewModel;
import org.linkdesk.profiles.MasterPasswordDialog;
import org.linkdesk.profiles.MasterPasswordViewModel;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDialog;
import org.linkdesk.profiles.ProfileDialogViewModel;
import org.linkdesk.ui.common.Fxml;
import org.linkdesk.ui.common.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;

/** The main window: profile bar, the "Make a link", "Browse" and "History" tabs, and the locked state. */
public final class MainWindow {
    private final Services services;
    private final TaskRunner tasks;
    private final MainViewModel model;
    private final LinkFormViewModel linkForm;
    private final HistoryViewModel history;
    private final BrowseViewModel browse;
    private final ZoneId zone;
    private final BorderPane root;
    private Stage stage;
    private java.util.function.Consumer<String> openUri = uri -> { };

    @FXML private ComboBox<Profile> profileBox;
    @FXML private Button newProfileButton;
    @FXML private Button editProfileButton;
    @FXML private javafx.scene.control.MenuButton profilesMenuButton;
    private IdleLock idleLock;
    private final java.util.concurrent.atomic.AtomicInteger autoLockMinutes = new java.util.concurrent.atomic
            .AtomicInteger(org.linkdesk.profiles.AutoLockSetting.DEFAULT_MINUTES);
    @FXML private Label profileSummary;
    @FXML private Button lockButton;
    @FXML private Button aboutButton;
    @FXML private TabPane tabs;
    @FXML private Tab linkTab;
    @FXML private Tab historyTab;
    @FXML private Tab browseTab;
    @FXML private VBox lockedPane;
    @FXML private Button unlockButton;
    @FXML private Label statusLabel;

    public MainWindow(Services services, TaskRunner tasks, TextClipboard clipboard, ZoneId zone) {
        this.services = services;
        this.tasks = tasks;
        this.zone = zone;
        this.model = new MainViewModel(services.profiles(), services.vault(), tasks);
        this.linkForm = new LinkFormViewModel(services.links(), services.profiles(), services.s3(), tasks, clipboard,
                services.clock(), zone, model.selectedProfileProperty(), services.bucketRegions());
        this.history = new HistoryViewModel(services.history(), services.historyExchange(), services.shares(), tasks,
                clipboard);
        this.browse = new BrowseViewModel(services.s3(), services.profiles(), services.bookmarks(), services.links(),
                tasks, clipboard, services.clock(), zone, model.selectedProfileProperty());
        this.root = Fxml.load(this, "MainWindow.fxml");
    }

    @FXML
    private void initialize() {
        profileBox.setItems(model.profiles());
        profileBox.valueProperty().bindBidirectional(model.selectedProfileProperty());
        profileSummary.textProperty().bind(Bindings.createStringBinding(() -> describe(model.selectedProfileProperty().get()),
                model.selectedProfileProperty()));
        newProfileButton.setOnAction(e -> editProfile(null));
        editProfileButton.setOnAction(e -> editProfile(model.selectedProfileProperty().get()));
        editProfileButton.disableProperty().bind(model.selectedProfileProperty().isNull());
        lockButton.setOnAction(e -> model.lock());
        profilesMenuButton.getItems().setAll(new ProfileActions(services, tasks, model, () -> stage,
                statusLabel::setText, this::reloadAutoLock).items());
        aboutButton.setOnAction(e -> new AboutDialog(stage, services.dataDirectory(), openUri).show());
        unlockButton.setOnAction(e -> askForPassword());

        var locked = model.unlockedProperty().not();
        tabs.visibleProperty().bind(model.unlockedProperty());
        lockedPane.visibleProperty().bind(locked);
        for (var control : new javafx.scene.control.Control[] {profileBox, newProfileButton, lockButton,
                profilesMenuButton}) {
            control.disableProperty().bind(locked);
        }

        linkTab.setContent(new LinkFormView(linkForm).root());
        // Built when first shown: a hidden tab's table would still be styled and skinned at start-up.
        historyTab.setOnSelectionChanged(e -> {
            if (historyTab.isSelected() && historyTab.getContent() == null) {
                historyTab.setContent(new HistoryView(history, zone, (bucket, key) -> {
                    linkForm.fill(bucket, key);
                    tabs.getSelectionModel().select(linkTab);
                }).root());
            }
            if (historyTab.isSelected() && model.unlockedProperty().get()) {
                history.refresh();
            }
        });
        linkTab.setOnSelectionChanged(e -> linkForm.refreshExpiry());
        browseTab.setContent(new BrowseView(browse, zone, this::openBatch, (bucket, key) -> {
            linkForm.fill(bucket, key);
            tabs.getSelectionModel().select(linkTab);
        }).root());
        browse.details().setOnGenerated(link -> history.refresh());
        linkForm.setOnGenerated(link -> history.refresh());
        statusLabel.setText("Data: " + services.dataDirectory().toAbsolutePath());
    }

    private void openBatch(String bucket, java.util.List<org.linkdesk.core.s3.ListedObject> objects) {
        BatchLinkViewModel vm = browse.batch(bucket, objects);
        vm.setOnGenerated(links -> history.refresh());
        new BatchLinkDialog(vm).showAndWait(stage, scene -> scene.getStylesheets().addAll(root.getScene().getStylesheets()));
    }

    private static String describe(Profile p) {
        if (p == null) {
            return "";
        }
        String where = p.endpointUrl() == null || p.endpointUrl().isBlank() ? "Amazon S3" : p.endpointUrl();
        return p.signerDescription() + " · " + p.region() + " · " + where
                + (p.storage() == org.linkdesk.profiles.SecretStorage.KEYCHAIN ? " · keychain" : "");
    }

    /** Shows the window, then asks for the master password (creating it on first use). */
    public void show(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(root, 1040, 760);
        scene.getStylesheets().add(MainWindow.class.getResource("linkdesk.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(820);
        stage.setMinHeight(600);
        stage.show();
        idleLock = new IdleLock(scene, () -> model.unlockedProperty().get() ? autoLockMinutes.get() : 0, model::lock);
        model.unlockedProperty().addListener((o, was, now) -> {
            if (now) {
                reloadAutoLock();
            } else {
                idleLock.stop();
            }
        });
        Platform.runLater(this::askForPassword);
    }

    /** Reads the auto-lock setting (in the background) and restarts the idle countdown with it. */
    private void reloadAutoLock() {
        tasks.run(services.autoLock()::minutes, minutes -> {
            autoLockMinutes.set(minutes);
            if (idleLock != null) {
                idleLock.restart();
            }
        }, e -> statusLabel.setText(org.linkdesk.ui.common.UserMessages.describe(e)), null);
    }

    private void askForPassword() {
        tasks.run(model::vaultExists, exists -> {
            MasterPasswordViewModel vm = new MasterPasswordViewModel(services.vault(), tasks, !exists);
            if (new MasterPasswordDialog(vm, stage).showAndWait()) {
                model.onUnlocked();
                tasks.run(services.history()::applyRetention, purged -> history.refresh(), e -> history.refresh(),
                        null);
                SandboxOffer.afterUnlock(stage, services.profiles(), tasks, model::loadProfiles, linkForm::fill,
                        statusLabel::setText);
            }
        }, e -> statusLabel.setText(org.linkdesk.ui.common.UserMessages.describe(e)), null);
    }

    private void editProfile(Profile profile) {
        ProfileDialogViewModel vm = new ProfileDialogViewModel(services.profiles(), tasks, profile, services.s3());
        new ProfileDialog(vm, stage).showAndWait().ifPresent(saved -> model.loadProfiles(saved.name()));
    }

    /** How "Open folder" and similar actions open a URI (the application's host services). */
    public void setOpener(java.util.function.Consumer<String> openUri) {
        this.openUri = openUri;
    }

    public BorderPane root() {
        return root;
    }
}
