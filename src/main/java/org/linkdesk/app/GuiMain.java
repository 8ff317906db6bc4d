package org.linkdesk.app;

import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the JavaFX application. The toolkit is started with {@link Platform#startup} rather than
 * {@code Application.launch}, so that the app object is made here with what it needs (the services already opening,
 * the sandbox to offer) instead of receiving it through static fields.
 */
public final class GuiMain {
    /**
     * Run from the jar, JavaFX sits on the class path and warns "Unsupported JavaFX configuration" on every start;
     * the configuration is deliberate (one plain jar), so that one warning is silenced. Held here so the logger's
     * level is not garbage-collected.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private GuiMain() {
    }

    public static void main(String[] args) {
        if (GuiMain.class.getModule().getLayer() == null) {
            JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        }
        List<String> arguments = Arrays.asList(args);
        ServicesOpening opening = ServicesOpening.start(LinkdeskApp.dataDirectory(arguments));
        LinkdeskApp app = new LinkdeskApp(opening, SandboxOffer.fromArguments(arguments));
        Platform.startup(() -> app.start(new Stage()));
    }
}
