package org.linkdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Stage;
import org.linkdesk.handover.LinkFormat;
import javafx.stage.Window;
import org.linkdesk.browse.BatchLinkDialog;
import org.linkdesk.browse.BatchLinkViewModel;
import org.linkdesk.browse.BrowseView;
import org.linkdesk.browse.BrowseViewModel;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.history.HistoryView;
import org.linkdesk.history.HistoryViewModel;
import org.linkdesk.links.LinkFormView;
import org.linkdesk.links.LinkFormViewModel;
import org.linkdesk.profiles.AwsImportDialog;
import org.linkdesk.profiles.AwsImportViewModel;
import org.linkdesk.profiles.ChangePasswordDialog;
import org.linkdesk.profiles.MasterPasswordViewModel;
import org.linkdesk.profiles.Profile;
import org.linkdesk.protectedlinks.ProtectedLinksView;
import org.linkdesk.protectedlinks.ProtectedLinksViewModel;
import org.linkdesk.shares.GatewayProbe;
import org.linkdesk.profiles.ProfileDialog;
import org.linkdesk.profiles.ProfileDialogViewModel;
import org.linkdesk.store.ThemeSetting;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.FxDialogs;
import org.linkdesk.ui.common.SceneFactory;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.tasks.FxTaskRunner;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.tasks.UnhandledErrors;
import org.linkdesk.ui.theme.SystemTheme;
import org.linkdesk.wiring.Services;

/**
 * The GUI's composition root: owns what every screen shares (the task runner, {@link Dialogs}, the clipboard, the
 * clock and time zone, the {@link SceneFactory}) and creates every view model and view from the {@link Services}.
 * {@code MainWindow} asks it for screens and keeps only layout and lock state. A new screen gets a factory method
 * here (see docs/ARCHITECTURE.md).
 */
public final class GuiRoot implements AutoCloseable {
    private final Path dataDirectory;
    private final TaskRunner tasks;
    private final FxTaskRunner ownedTasks;
    private final TextClipboard clipboard;
    private final ZoneId zone;
    private final SceneFactory scenes = new SceneFactory();
    private final SystemTheme systemTheme;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** The default copy format every link form follows; read from the settings once, on the first form. */
    private final ObjectProperty<LinkFormat> copyFormat =
            new javafx.beans.property.SimpleObjectProperty<>(LinkFormat.URL);
    private boolean copyFormatLoaded;
    private final Dialogs dialogs;
    private final UploadScreens uploads = new UploadScreens(this);
    private Stage stage;
    private Services services;

    /** The app's root: its own runner, whose unhandled errors show on the status line ({@link #problemProperty}). */
    public GuiRoot(Path dataDirectory, TextClipboard clipboard, ZoneId zone) {
        this.dataDirectory = dataDirectory;
        this.ownedTasks = new FxTaskRunner(4, UnhandledErrors.showing(problem::set));
        this.tasks = ownedTasks;
        this.clipboard = clipboard;
        this.zone = zone;
        this.systemTheme = new SystemTheme();
        this.dialogs = new FxDialogs(this::window, scenes);
    }

    /** A root around a runner the caller owns and closes (tests). */
    public GuiRoot(Path dataDirectory, TaskRunner tasks, TextClipboard clipboard, ZoneId zone, Dialogs dialogs) {
        this.dataDirectory = dataDirectory;
        this.ownedTasks = null;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.zone = zone;
        this.systemTheme = new SystemTheme();
        this.dialogs = dialogs == null ? new FxDialogs(this::window, scenes) : dialogs;
    }

    /** The services, once open (on the FX thread). */
    void attach(Services opened) {
        if (services != null) {
            throw new IllegalStateException("already attached");
        }
        services = opened;
    }

    void setStage(Stage stage) {
        this.stage = stage;
    }

    Window window() {
        return stage;
    }

    public Path dataDirectory() { return dataDirectory; }
    public Services services() { return services; }
    public TaskRunner tasks() { return tasks; }
    public Dialogs dialogs() { return dialogs; }
    public TextClipboard clipboard() { return clipboard; }
    public Clock clock() { return services == null ? Clock.systemUTC() : services.clock(); }
    public ZoneId zone() { return zone; }
    public SceneFactory scenes() { return scenes; }

    /** The short message of the last error no task handled (the status line shows it). */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Reports {@code message} on the status line (the sink for errors shown outside a view model). */
    void showProblem(String message) {
        problem.set(message);
    }

    // ---- view models -------------------------------------------------------------------------------------------

    public MainViewModel mainViewModel() {
        return new MainViewModel(services.profiles(), services.vault(), tasks);
    }

    public MasterPasswordViewModel masterPassword(boolean creating) {
        return new MasterPasswordViewModel(services.vault(), tasks, creating);
    }

    public LinkFormViewModel linkForm(ObjectProperty<Profile> profile) {
        LinkFormViewModel model = new LinkFormViewModel(services.links(), services.profiles(), services::s3, tasks,
                clipboard, services.clock(), zone, profile, services.bucketRegions());
        model.handover().defaultFormatProperty().bind(copyFormat);
        if (!copyFormatLoaded) {
            copyFormatLoaded = true;
            tasks.run(() -> services.copyFormat().format()).onSuccess(copyFormat::set)
                    .onError(e -> showProblem(org.linkdesk.ui.common.UserMessages.describe(e))).start();
        }
        return model;
    }

    public LinkFormat copyFormat() {
        return copyFormat.get();
    }

    /** Stores {@code format} as the default of Copy / Ctrl+C; open link forms follow once it is stored. */
    public void setCopyFormat(LinkFormat format) {
        tasks.run(() -> {
            services.copyFormat().setFormat(format);
            return format;
        }).onSuccess(copyFormat::set).onError(e -> showProblem(org.linkdesk.ui.common.UserMessages.describe(e)))
                .start();
    }

    public HistoryViewModel history() {
        return new HistoryViewModel(services.history(), services.historyExchange(), services.linkUrls(), tasks,
                clipboard, dialogs);
    }

    public BrowseViewModel browse(ObjectProperty<Profile> profile) {
        return new BrowseViewModel(services::s3, services.profiles(), services.bookmarks(), services.links(), tasks,
                clipboard, services.clock(), zone, profile);
    }

    public ProtectedLinksViewModel protectedLinks(ObjectProperty<Profile> profile) {
        GatewayProbe probe = new GatewayProbe();
        return new ProtectedLinksViewModel(services.protectedShares(), request -> {
            Profile p = profile.getValue();
            return services.protectedHistory().create(request, p == null ? null : p.id(),
                    p == null ? null : p.name()).share();
        }, probe::problem, (bucket, key) -> {
            Profile p = profile.getValue();
            return p == null ? null
                    : services.s3().headObject(p.endpoint(), services.profiles().credentials(p), bucket, key).size();
        }, () -> profile.getValue() != null ? profile.getValue().name() : System.getProperty("user.name"),
                tasks, clipboard);
    }

    /** The upload queue, signing as the chosen profile (its credentials are read on the task runner). */
    public org.linkdesk.upload.UploadQueueViewModel uploadQueue(ObjectProperty<Profile> profile) {
        return uploads.uploadQueue(profile);
    }

    /** Shows the unfinished uploads of {@code bucket}; "Resume" hands them to {@code queue}. */
    public void showUnfinishedUploads(ObjectProperty<Profile> profile, String bucket,
                                      org.linkdesk.upload.UploadQueueViewModel queue) {
        uploads.showUnfinishedUploads(profile, bucket, queue);
    }

    /** Shows "Upload link for someone" for {@code bucket}, starting at {@code folder}. */
    public void showUploadLink(ObjectProperty<Profile> profile, String bucket, String folder) {
        uploads.showUploadLink(profile, bucket, folder);
    }

    public ProfileDialogViewModel profileDialog(Profile profile) {
        return new ProfileDialogViewModel(services.profiles(), tasks, profile, services::s3);
    }

    public AwsImportViewModel awsImport() {
        return new AwsImportViewModel(services.profiles(), tasks);
    }

    // ---- views ---------------------------------------------------------------------------------------------------

    public LinkFormView linkFormView(LinkFormViewModel model) {
        return new LinkFormView(model);
    }

    public HistoryView historyView(HistoryViewModel model, BiConsumer<String, String> useInForm) {
        return new HistoryView(model, zone, useInForm,
                new org.linkdesk.history.ProtectedRowViewModel(services.protectedHistory(), tasks, dialogs, zone), scenes);
    }

    public BrowseView browseView(BrowseViewModel model, BiConsumer<String, List<ListedObject>> openBatch,
                                 BiConsumer<String, String> useInForm) {
        return new BrowseView(model, zone, openBatch, useInForm);
    }

    public ProtectedLinksView protectedLinksView(ProtectedLinksViewModel model) {
        return new ProtectedLinksView(model, zone);
    }

    public void showBatch(BatchLinkViewModel model) {
        new BatchLinkDialog(model).showAndWait(stage, scenes);
    }

    /** Edits {@code profile}'s CloudFront and custom-host settings; true when saved. */
    public boolean showDelivery(Profile profile) {
        return new org.linkdesk.profiles.DeliveryDialog(new org.linkdesk.profiles.DeliveryViewModel(
                services.delivery(), tasks, dialogs, profile.id()), profile.name(), stage, scenes).showAndWait();
    }

    public Optional<Profile> showProfileDialog(Profile profile) {
        return new ProfileDialog(profileDialog(profile), stage, scenes).showAndWait();
    }

    public Optional<org.linkdesk.profiles.AwsImport.Outcome> showAwsImport() {
        return new AwsImportDialog(awsImport(), stage, scenes).showAndWait();
    }

    public boolean showChangePassword() {
        return new ChangePasswordDialog(services.vault(), tasks, stage, scenes).showAndWait();
    }

    public void showAbout(java.util.function.Consumer<String> openUri) {
        new AboutDialog(stage, dataDirectory, openUri, scenes).show();
    }

    // ---- theme -----------------------------------------------------------------------------------------------------

    /** Reads the stored theme choice (and, for "Follow the system", the desktop's) off the FX thread, then applies it. */
    public void applyStoredTheme() {
        tasks.run(() -> isDark(services.theme().choice())).onSuccess(scenes::applyTheme)
                .onError(e -> showProblem(org.linkdesk.ui.common.UserMessages.describe(e))).start();
    }

    /** Stores {@code choice} and applies it. */
    public void setTheme(ThemeSetting.Choice choice) {
        tasks.run(() -> {
            services.theme().setChoice(choice);
            return isDark(choice);
        }).onSuccess(scenes::applyTheme).onError(e -> showProblem(org.linkdesk.ui.common.UserMessages.describe(e)))
                .start();
    }

    private boolean isDark(ThemeSetting.Choice choice) {
        return switch (choice) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> systemTheme.prefersDark();
        };
    }

    @Override
    public void close() {
        if (ownedTasks != null) {
            ownedTasks.close();
        }
    }
}
