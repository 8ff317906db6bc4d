package org.linkdesk.app;

import org.linkdesk.wiring.Services;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
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
import org.linkdesk.browse.BrowseViewModel;
import org.linkdesk.history.HistoryViewModel;
import org.linkdesk.links.LinkFormView;
import org.linkdesk.links.LinkFormViewModel;
import org.linkdesk.profiles.AutoLockSetting;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.SecretStorage;
import org.linkdesk.profiles.UnlockPane;
import org.linkdesk.ui.common.FirstFrame;
import org.linkdesk.ui.common.Fxml;
import org.linkdesk.ui.tasks.TaskRunner;
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
    private final GuiRoot gui;
    private final TaskRunner tasks;
    private final BorderPane root;
    private final AtomicInteger autoLockMinutes = new AtomicInteger(AutoLockSetting.DEFAULT_MINUTES);
    private Services services;
    private MainViewModel model;
    private LinkFormViewModel linkForm;
    private HistoryViewModel history;
    private BrowseViewModel browse;
    private UploadsPanel uploads;
    private Stage stage;
    private IdleLock idleLock;
    private Consumer<String> openUri = uri -> { };
    private Runnable onPromptShown = () -> { };
    private SandboxOffer sandbox = SandboxOffer.NONE;

    @FXML private ComboBox<Profile> profileBox;
    @FXML private Button newProfileButton;
    @FXML private Button editProfileButton;
    @FXML private MenuButton profilesMenuButton;
    @FXML private Label profileSummary;
    @FXML private Button lockButton;
    @FXML private Button aboutButton;
    @FXML private Button helpButton;
    @FXML private HBox topBar;
    @FXML private HBox profileBar;
    @FXML private javafx.scene.layout.Pane topSpacer;
    @FXML private StackPane centerStack;
    @FXML private TabPane tabs;
    @FXML private Tab linkTab;
    @FXML private Tab historyTab;
    @FXML private Tab browseTab;
    @FXML private Tab protectedTab;
    @FXML private StackPane lockedPane;
    @FXML private Label statusLabel;
    @FXML private Label teamStatusLabel;
    private TeamWindowParts team;
    private MainTabs mainTabs;

    /** The window before its data is open: call {@link #attach} when it is. */
    public MainWindow(GuiRoot gui) {
        this.gui = gui;
        this.tasks = gui.tasks();
        this.root = Fxml.load(this, "MainWindow.fxml");
    }

    /** The window before its data (in {@code dataDirectory}) is open, on a runner the caller owns (tests). */
    public MainWindow(Path dataDirectory, TaskRunner tasks, TextClipboard clipboard, ZoneId zone) {
        this(new GuiRoot(dataDirectory, tasks, clipboard, zone, null));
    }

    /** The window with its data open, on a runner the caller owns (tests). */
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
        aboutButton.setOnAction(e -> gui.showAbout(openUri));
        helpButton.setOnAction(e -> WindowShortcuts.showHelp(gui.dialogs()));
        helpButton.setTooltip(new javafx.scene.control.Tooltip(org.linkdesk.ui.common.Shortcuts.withKey(
                "Keyboard shortcuts", org.linkdesk.ui.common.Shortcuts.HELP)));
    }

    /** Wires the window to its data (on the FX thread); the password prompt follows once the window is shown. */
    public void attach(Services services) {
        if (this.services != null) {
            throw new IllegalStateException("already attached");
        }
        this.services = services;
        gui.attach(services);
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
        // One status line for the messages no screen shows itself: errors no task handled, the window's own.
        gui.problemProperty().addListener((o, was, now) -> statusLabel.setText(now));
        model.messageProperty().addListener((o, was, now) -> statusLabel.setText(now));
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
        profilesMenuButton.getItems().setAll(new ProfileActions(gui, model, statusLabel::setText,
                this::reloadAutoLock).items());
        profilesMenuButton.getItems().add(team.menuItem());
        var locked = model.unlockedProperty().not();
        tabs.visibleProperty().bind(model.unlockedProperty());
        profileBar.visibleProperty().bind(model.unlockedProperty());
        topSpacer.visibleProperty().bind(locked);
        topSpacer.managedProperty().bind(locked);
        editProfileButton.disableProperty().bind(model.selectedProfileProperty().isNull());
        lockButton.setOnAction(e -> model.lock());
    }

    /** The tabs, the link form's view and the profile bar: joined once, on the first unlock or while the form waits. */
    private void buildUnlockedViews() {
        if (linkForm == null) {
            linkForm = gui.linkForm(model.selectedProfileProperty());
            history = gui.history();
            team = new TeamWindowParts(gui, history, teamStatusLabel, statusLabel::setText,
                    () -> mainTabs.teamSwitched());
            browse = gui.browse(model.selectedProfileProperty());
            mainTabs = new MainTabs(gui, model, tabs, linkTab, historyTab, browseTab, protectedTab, linkForm, history,
                    browse, team);
            uploads = new UploadsPanel(gui.uploadQueue(model.selectedProfileProperty()), browse, linkForm,
                    browseTab::isSelected, linkTab::isSelected, statusLabel.textProperty());
            tabs.getTabs().add(uploads.tab());
            uploads.acceptDrops(root, model.unlockedProperty()::get);
            bindTopBar();
            mainTabs.bind(uploads);
        }
        if (tabs.getParent() == null) {
            centerStack.getChildren().add(0, tabs);
            topBar.getChildren().add(topBar.getChildren().indexOf(topSpacer), profileBar);
        }
        if (linkTab.getContent() == null) {
            LinkFormView form = gui.linkFormView(linkForm);
            form.enterGeneratesWhen(model.unlockedProperty().and(linkTab.selectedProperty()));
            form.setOnProtectedLink(mainTabs::protectInTab);
            linkTab.setContent(form.root());
        }
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
        gui.setStage(stage);
        stage.setScene(gui.scenes().create(root, 1040, 760));
        stage.setMinWidth(820);
        stage.setMinHeight(600);
        stage.show();
        if (services != null) {
            afterShownAndAttached();
        }
    }

    private void afterShownAndAttached() {
        gui.applyStoredTheme();
        WindowShortcuts.install(stage.getScene(), tabs, () -> model.unlockedProperty().get(), lockButton,
                () -> mainTabs.generateOnLinkTab(), () -> mainTabs.refreshSelectedTab(), gui.dialogs());
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
        tasks.run(services.autoLock()::minutes).onSuccess(minutes -> {
            autoLockMinutes.set(minutes);
            if (idleLock != null) {
                idleLock.restart();
            }
        }).onError(e -> statusLabel.setText(UserMessages.describe(e))).start();
    }

    /** Shows the master password form in the locked window (creating the password on first use). */
    private void askForPassword() {
        tasks.run(model::vaultExists).onSuccess(exists -> {
            if (model.unlockedProperty().get()) {
                return;
            }
            UnlockPane form = new UnlockPane(gui.masterPassword(!exists), this::unlocked);
            lockedPane.getChildren().setAll(form.root());
            form.focus();
            onPromptShown.run();
            onPromptShown = () -> { };
            // Once the form is painted, while the user types: build the hidden link form, and the HTTP client (its
            // TLS set-up takes a while).
            if (linkTab.getContent() == null) {
                FirstFrame.then(stage.getScene(), () -> {
                    tasks.run(services::s3).onSuccess(http -> { }).onError(e -> { }).start();
                    buildUnlockedViews();
                });
            }
        }).onError(e -> statusLabel.setText(UserMessages.describe(e))).start();
    }

    private void unlocked() {
        lockedPane.getChildren().clear();
        model.onUnlocked();
        if (team != null) {
            team.startIfConfigured();
        }
        tasks.run(services.history()::applyRetention).onSuccess(purged -> history.refresh())
                .onError(e -> history.refresh()).start();
        sandbox.afterUnlock(services.profiles(), tasks, gui.dialogs(), model::loadProfiles, linkForm::fill,
                statusLabel::setText);
    }

    /** Runs once the master password form is first shown (start-up measurement). */
    public void setOnPromptShown(Runnable action) {
        onPromptShown = action;
    }

    private void editProfile(Profile profile) {
        gui.showProfileDialog(profile).ifPresent(saved -> model.loadProfiles(saved.name()));
    }

    /** Offers {@code offer}'s sandbox profile after the next unlock (the demo launcher's sandbox). */
    public void setSandbox(SandboxOffer offer) {
        this.sandbox = offer;
    }

    public GuiRoot gui() {
        return gui;
    }

    /** How "Open folder" and similar actions open a URI (the application's host services). */
    public void setOpener(Consumer<String> openUri) {
        this.openUri = openUri;
    }

    public BorderPane root() {
        return root;
    }
}
