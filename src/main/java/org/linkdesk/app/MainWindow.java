package org.linkdesk.app;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.linkdesk.browse.BatchLinkDialog;
import org.linkdesk.browse.BatchLinkViewModel;
import org.linkdesk.browse.BrowseView;
import org.linkdesk.browse.BrowseViewModel;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.history.HistoryView;
import org.linkdesk.history.HistoryViewModel;
import org.linkdesk.links.LinkFormView;
import org.linkdesk.links.LinkFormViewModel;
import org.linkdesk.profiles.AutoLockSetting;
import org.linkdesk.profiles.MasterPasswordViewModel;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDialog;
import org.linkdesk.profiles.ProfileDialogViewModel;
import org.linkdesk.profiles.SecretStorage;
import org.linkdesk.profiles.UnlockPane;
import org.linkdesk.ui.common.FirstFrame;
import org.linkdesk.ui.common.Fxml;
import org.linkdesk.ui.common.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/**
 * The main window: profile bar, the "Make a link", "Browse" and "History" tabs, and the locked state.
 *
 * <p>At start-up the window is shown before the data is open ({@link #attach} follows when it is), and each tab's
 * view is built when it is first needed: the link form on unlocking (or while the password prompt waits), Browse
 * and History when first selected. A hidden tab's view would otherwise be styled and laid out on the start-up path.
 */
public final class MainWindow {
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final ZoneId zone;
    private final BorderPane root;
    private final Path dataDirectory;
    private final AtomicInteger autoLockMinutes = new AtomicInteger(AutoLockSetting.DEFAULT_MINUTES);
    private Services services;
    private MainViewModel model;
    private LinkFormViewModel linkForm;
    private HistoryViewModel history;
    private BrowseViewModel browse;
    private Stage stage;
    private IdleLock idleLock;
    private Consumer<String> openUri = uri -> { };
    private Runnable onPromptShown = () -> { };

    @FXML private ComboBox<Profile> profileBox;
    @FXML private Button newProfileButton;
    @FXML private Button editProfileButton;
    @FXML private MenuButton profilesMenuButton;
    @FXML private Label profileSummary;
    @FXML private Button lockButton;
    @FXML private Button aboutButton;
    @FXML private HBox topBar;
    @FXML private HBox profileBar;
    @FXML private javafx.scene.layout.Pane topSpacer;
    @FXML private StackPane centerStack;
    @FXML private TabPane tabs;
    @FXML private Tab linkTab;
    @FXML private Tab historyTab;
    @FXML private Tab browseTab;
    @FXML private Tab protectedTab;
    private org.linkdesk.protectedlinks.ProtectedLinksViewModel protectedLinks;
    @FXML private StackPane lockedPane;
    @FXML private Label statusLabel;

    /** The window before its data (in {@code dataDirectory}) is open: call {@link #attach} when it is. */
    public MainWindow(Path dataDirectory, TaskRunner tasks, TextClipboard clipboard, ZoneId zone) {
        this.dataDirectory = dataDirectory;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.zone = zone;
        this.root = Fxml.load(this, "MainWindow.fxml");
    }

    /** The window with its data open (tests). */
    public MainWindow(Services services, TaskRunner tasks, TextClipboard clipboard, ZoneId zone) {
        this(services.dataDirectory(), tasks, clipboard, zone);
        attach(services);
    }

    @FXML
    private void initialize() {
        // The tabs and the profile bar join the scene on the first unlock: a locked window shows only the password
        // form, and styling and laying out a TabPane, a ComboBox and a MenuButton is a good part of a cold start.
        centerStack.getChildren().remove(tabs);
        topBar.getChildren().remove(profileBar);
        aboutButton.setOnAction(e -> new AboutDialog(stage, dataDirectory, openUri).show());
    }

    /** Wires the window to its data (on the FX thread); the password prompt follows once the window is shown. */
    public void attach(Services services) {
        if (this.services != null) {
            throw new IllegalStateException("already attached");
        }
        this.services = services;
        model = new MainViewModel(services.profiles(), services.vault(), tasks);
        lockedPane.visibleProperty().bind(model.unlockedProperty().not());
        model.unlockedProperty().addListener((o, was, now) -> {
            if (now) {
                buildUnlockedViews();
            } else {
                askForPassword();
            }
        });
        statusLabel.setText("Data: " + services.dataDirectory().toAbsolutePath());
        if (stage != null) {
            afterShownAndAttached();
        }
    }

    private void bindTopBar() {
        profileBox.setItems(model.profiles());
        profileBox.valueProperty().bindBidirectional(model.selectedProfileProperty());
        profileSummary.textProperty().bind(Bindings.createStringBinding(
                () -> describe(model.selectedProfileProperty().get()), model.selectedProfileProperty()));
        newProfileButton.setOnAction(e -> editProfile(null));
        editProfileButton.setOnAction(e -> editProfile(model.selectedProfileProperty().get()));
        profilesMenuButton.getItems().setAll(new ProfileActions(services, tasks, model, () -> stage,
                statusLabel::setText, this::reloadAutoLock).items());
        var locked = model.unlockedProperty().not();
        tabs.visibleProperty().bind(model.unlockedProperty());
        profileBar.visibleProperty().bind(model.unlockedProperty());
        topSpacer.visibleProperty().bind(locked);
        topSpacer.managedProperty().bind(locked);
        editProfileButton.disableProperty().bind(model.selectedProfileProperty().isNull());
        lockButton.setOnAction(e -> model.lock());
    }

    private void bindTabs() {
        historyTab.setOnSelectionChanged(e -> {
            if (historyTab.isSelected() && historyTab.getContent() == null) {
                historyTab.setContent(new HistoryView(history, zone, this::useInForm).root());
            }
            if (historyTab.isSelected() && model.unlockedProperty().get()) {
                history.refresh();
            }
        });
        browseTab.setOnSelectionChanged(e -> {
            if (browseTab.isSelected() && browseTab.getContent() == null) {
                BrowseView browseView = new BrowseView(browse, zone, this::openBatch, this::useInForm);
                browseView.setOnProtectedLink(this::protectInTab);
                browseTab.setContent(browseView.root());
            }
        });
        linkTab.setOnSelectionChanged(e -> linkForm.refreshExpiry());
        protectedTab.setOnSelectionChanged(e -> {
            if (protectedTab.isSelected() && protectedTab.getContent() == null) {
                protectedTab.setContent(new org.linkdesk.protectedlinks.ProtectedLinksView(protectedLinks, zone).root());
            }
            if (protectedTab.isSelected()) {
                protectedLinks.refresh();
            }
        });
        browse.details().setOnGenerated(link -> history.refresh());
        linkForm.setOnGenerated(link -> history.refresh());
    }

    /** The tabs, the link form's view and the profile bar: joined once, on the first unlock or while the form waits. */
    private void buildUnlockedViews() {
        if (linkForm == null) {
            linkForm = new LinkFormViewModel(services.links(), services.profiles(), services::s3, tasks, clipboard,
                    services.clock(), zone, model.selectedProfileProperty(), services.bucketRegions());
            history = new HistoryViewModel(services.history(), services.historyExchange(), services.shares(), tasks,
                    clipboard);
            browse = new BrowseViewModel(services::s3, services.profiles(), services.bookmarks(), services.links(),
                    tasks, clipboard, services.clock(), zone, model.selectedProfileProperty());
            protectedLinks = ProtectedLinksWiring.viewModel(services, model.selectedProfileProperty(), tasks, clipboard);
            bindTopBar();
            bindTabs();
        }
        if (tabs.getParent() == null) {
            centerStack.getChildren().add(0, tabs);
            topBar.getChildren().add(topBar.getChildren().indexOf(topSpacer), profileBar);
        }
        if (linkTab.getContent() == null) {
            LinkFormView form = new LinkFormView(linkForm);
            form.enterGeneratesWhen(model.unlockedProperty().and(linkTab.selectedProperty()));
            form.setOnProtectedLink(this::protectInTab);
            linkTab.setContent(form.root());
        }
    }

    private void protectInTab(String bucket, String key) {
        protectedLinks.fill(bucket, key);
        tabs.getSelectionModel().select(protectedTab);
    }

    private void useInForm(String bucket, String key) {
        linkForm.fill(bucket, key);
        tabs.getSelectionModel().select(linkTab);
    }

    private void openBatch(String bucket, List<ListedObject> objects) {
        BatchLinkViewModel vm = browse.batch(bucket, objects);
        vm.setOnGenerated(links -> history.refresh());
        new BatchLinkDialog(vm).showAndWait(stage,
                scene -> scene.getStylesheets().addAll(root.getScene().getStylesheets()));
    }

    private static String describe(Profile p) {
        if (p == null) {
            return "";
        }
        String where = p.endpointUrl() == null || p.endpointUrl().isBlank() ? "Amazon S3" : p.endpointUrl();
        return p.signerDescription() + " · " + p.region() + " · " + where
                + (p.storage() == SecretStorage.KEYCHAIN ? " · keychain" : "");
    }

    /** Shows the window; once its data is open too, asks for the master password (creating it on first use). */
    public void show(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(root, 1040, 760);
        scene.getStylesheets().add(MainWindow.class.getResource("linkdesk.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(820);
        stage.setMinHeight(600);
        stage.show();
        if (services != null) {
            afterShownAndAttached();
        }
    }

    private void afterShownAndAttached() {
        idleLock = new IdleLock(stage.getScene(), () -> model.unlockedProperty().get() ? autoLockMinutes.get() : 0,
                model::lock);
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
        }, e -> statusLabel.setText(UserMessages.describe(e)), null);
    }

    /** Shows the master password form in the locked window (creating the password on first use). */
    private void askForPassword() {
        tasks.run(model::vaultExists, exists -> {
            if (model.unlockedProperty().get()) {
                return;
            }
            UnlockPane form = new UnlockPane(new MasterPasswordViewModel(services.vault(), tasks, !exists),
                    this::unlocked);
            lockedPane.getChildren().setAll(form.root());
            form.focus();
            onPromptShown.run();
            onPromptShown = () -> { };
            // Once the form is painted, while the user types: build the hidden link form, and the HTTP client (its
            // TLS set-up takes a while).
            if (linkTab.getContent() == null) {
                FirstFrame.then(stage.getScene(), () -> {
                    tasks.run(services::s3, http -> { }, e -> { }, null);
                    buildUnlockedViews();
                });
            }
        }, e -> statusLabel.setText(UserMessages.describe(e)), null);
    }

    private void unlocked() {
        lockedPane.getChildren().clear();
        model.onUnlocked();
        tasks.run(services.history()::applyRetention, purged -> history.refresh(), e -> history.refresh(), null);
        SandboxOffer.afterUnlock(stage, services.profiles(), tasks, model::loadProfiles, (b, k) -> linkForm.fill(b, k),
                statusLabel::setText);
    }

    /** Runs once the master password form is first shown (start-up measurement). */
    public void setOnPromptShown(Runnable action) {
        onPromptShown = action;
    }

    private void editProfile(Profile profile) {
        ProfileDialogViewModel vm = new ProfileDialogViewModel(services.profiles(), tasks, profile, services::s3);
        new ProfileDialog(vm, stage).showAndWait().ifPresent(saved -> model.loadProfiles(saved.name()));
    }

    /** How "Open folder" and similar actions open a URI (the application's host services). */
    public void setOpener(Consumer<String> openUri) {
        this.openUri = openUri;
    }

    public BorderPane root() {
        return root;
    }
}
