package org.linkdesk.app;

/** Starts the JavaFX application. */
public final class GuiMain {
    private GuiMain() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(LinkdeskApp.class, args);
    }
}
