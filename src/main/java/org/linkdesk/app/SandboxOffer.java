package org.linkdesk.app;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.List;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.Dialogs;
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

    /** No sandbox: nothing is offered. */
    public static final SandboxOffer NONE = new SandboxOffer(null);

    private final Settings settings;

    private SandboxOffer(Settings settings) {
        this.settings = settings;
    }

    /** Offers the sandbox with these settings (the sandbox launcher, and tests). */
    public static SandboxOffer of(Settings settings) {
        return new SandboxOffer(settings);
    }

    /** The sandbox the launcher passed as {@code --sandbox-*} arguments, if any. */
    public static SandboxOffer fromArguments(List<String> args) {
        String endpoint = argument(args, "endpoint");
        if (endpoint == null) {
            return NONE;
        }
        return of(new Settings(endpoint, argument(args, "region"), argument(args, "access-key"),
                argument(args, "secret-key"), argument(args, "bucket"), argument(args, "sample-key")));
    }

    /** The arguments {@link #fromArguments} reads back. */
    public static List<String> arguments(Settings s) {
        return List.of("--sandbox-endpoint=" + s.endpointUrl(), "--sandbox-region=" + s.region(),
                "--sandbox-access-key=" + s.accessKeyId(), "--sandbox-secret-key=" + s.secretAccessKey(),
                "--sandbox-bucket=" + s.bucket(), "--sandbox-sample-key=" + s.sampleKey());
    }

    private static String argument(List<String> args, String name) {
        String prefix = "--sandbox-" + name + "=";
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst()
                .orElse(null);
    }

    /**
     * After unlocking: when a sandbox runs and no profile is named "Sandbox", asks whether to add it; on yes saves it,
     * then {@code select}s it and {@code fill}s the link form with the sample object.
     */
    void afterUnlock(ProfileService profiles, TaskRunner tasks, Dialogs dialogs, Consumer<String> select,
                     BiConsumer<String, String> fill, Consumer<String> report) {
        if (settings == null) {
            return;
        }
        tasks.run(() -> profiles.find(PROFILE_NAME).isPresent()).onSuccess(exists -> {
            if (exists || !dialogs.confirm("Linkdesk sandbox", "Try Linkdesk with the local sandbox",
                    "A sandbox S3 server is running on this computer (" + settings.endpointUrl()
                            + ") with the bucket \"" + settings.bucket() + "\" and a few sample files.\n\n"
                            + "Add a profile named \"Sandbox\" for it? It is saved encrypted like any other profile; "
                            + "delete it whenever you like.", "Add the Sandbox profile")) {
                return;
            }
            tasks.run(() -> profiles.create(settings.draft())).onSuccess(saved -> {
                select.accept(saved.name());
                fill.accept(settings.bucket(), settings.sampleKey());
            }).onError(e -> report.accept(UserMessages.describe(e))).start();
        }).onError(e -> report.accept(UserMessages.describe(e))).start();
    }
}
