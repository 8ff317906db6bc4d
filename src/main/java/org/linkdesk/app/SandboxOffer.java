package org.linkdesk.app;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/**
 * The first-run bridge to the local sandbox ({@code mvn -Pdemo javafx:run}): the sandbox announces its server here
 * before the window opens; once the user has created (or entered) the master password, the app offers to add a
 * "Sandbox" profile for it, selects it and fills the form with a sample object. Profiles are encrypted with the
 * master password, so the profile can only be saved after that step. Without a sandbox, nothing happens.
 */
public final class SandboxOffer {
    public static final String PROFILE_NAME = "Sandbox";

    /** Where the sandbox runs and a sample object to start with. */
    public record Settings(String endpointUrl, String region, String accessKeyId, String secretAccessKey,
                           String bucket, String sampleKey) {
        /** The profile to save: path style, as for any server addressed by IP. */
        public ProfileDraft draft() {
            return new ProfileDraft(PROFILE_NAME, accessKeyId, secretAccessKey, null, false, region, endpointUrl, true);
        }
    }

    private static volatile Settings announced;

    private SandboxOffer() {
    }

    /** Called by the sandbox launcher before the app starts. */
    public static void announce(String endpointUrl, String region, String accessKeyId, String secretAccessKey,
                                String bucket, String sampleKey) {
        announced = new Settings(endpointUrl, region, accessKeyId, secretAccessKey, bucket, sampleKey);
    }

    static Settings announced() {
        return announced;
    }

    /** Forgets the announced sandbox (tests). */
    static void forget() {
        announced = null;
    }

    /**
     * After unlocking: when a sandbox runs and no profile is named "Sandbox", asks whether to add it; on yes saves it,
     * then {@code select}s it and {@code fill}s the link form with the sample object.
     */
    static void afterUnlock(Window owner, ProfileService profiles, TaskRunner tasks, Consumer<String> select,
                            BiConsumer<String, String> fill, Consumer<String> report) {
        Settings settings = announced;
        if (settings == null) {
            return;
        }
        tasks.run(() -> profiles.find(PROFILE_NAME).isPresent()).onSuccess(exists -> {
            if (exists || !ask(owner, settings)) {
                return;
            }
            tasks.run(() -> profiles.create(settings.draft())).onSuccess(saved -> {
                select.accept(saved.name());
                fill.accept(settings.bucket(), settings.sampleKey());
            }).onError(e -> report.accept(UserMessages.describe(e))).start();
        }).onError(e -> report.accept(UserMessages.describe(e))).start();
    }

    private static boolean ask(Window owner, Settings settings) {
        ButtonType add = new ButtonType("Add the Sandbox profile", ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", add, later);
        alert.initOwner(owner);
        alert.setTitle("Linkdesk sandbox");
        alert.setHeaderText("Try Linkdesk with the local sandbox");
        alert.setContentText("A sandbox S3 server is running on this computer (" + settings.endpointUrl()
                + ") with the bucket \"" + settings.bucket() + "\" and a few sample files.\n\n"
                + "Add a profile named \"Sandbox\" for it? It is saved encrypted like any other profile; "
                + "delete it whenever you like.");
        alert.getDialogPane().setId("sandboxOfferPane");
        alert.getDialogPane().lookupButton(add).setId("sandboxAddButton");
        alert.getDialogPane().setMinWidth(520);
        return alert.showAndWait().filter(add::equals).isPresent();
    }
}
