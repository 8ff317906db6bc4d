package org.linkdesk.app;

/** Starts the JavaFX application. */
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
        ServicesPreload.start(LinkdeskApp.dataDirectory(java.util.Arrays.asList(args)));
        javafx.application.Application.launch(LinkdeskApp.class, args);
    }
}
