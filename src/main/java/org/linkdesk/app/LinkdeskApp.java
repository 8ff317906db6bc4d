package org.linkdesk.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class LinkdeskApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Linkdesk");
        stage.show();
    }
}
