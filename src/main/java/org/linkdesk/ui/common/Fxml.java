package org.linkdesk.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the FXML that sits next to a view class (same package under resources), with that view as controller. */
public final class Fxml {
    private Fxml() {
    }

    public static <T extends Parent> T load(Object controller, String fileName) {
        URL url = controller.getClass().getResource(fileName);
        if (url == null) {
            throw new IllegalStateException("Missing FXML " + fileName + " next to " + controller.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
