package org.linkdesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Where every window and dialog gets its scene: the AtlantaFX theme (as the user-agent stylesheet, so it reaches
 * every control, alerts and choosers included), the app's stylesheet, and the {@code :dark} pseudo-class on the
 * root for the few rules of our own that differ by theme. Switching the theme restyles every open window.
 */
public final class SceneFactory {
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final String APP_CSS = "/org/linkdesk/app/linkdesk.css";

    private boolean dark;
    private boolean themeApplied;

    /** A scene for a window's {@code root}, sized to it. */
    public Scene create(Parent root) {
        return styled(new Scene(root));
    }

    public Scene create(Parent root, double width, double height) {
        return styled(new Scene(root, width, height));
    }

    /**
     * A scene for a dialog window of our own (a Stage, not a {@code Dialog}): Esc asks it to close, as the
     * window's close button would (so its close-request handler may still refuse, e.g. while a batch runs).
     */
    public Scene createDialog(javafx.stage.Stage stage, Parent root, double width, double height) {
        Scene scene = width > 0 ? create(root, width, height) : create(root);
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
        return scene;
    }

    /** Styles a dialog (Alert, TextInputDialog, a custom Dialog) like the windows. */
    public void style(Dialog<?> dialog) {
        style(dialog.getDialogPane());
    }

    public void style(DialogPane pane) {
        if (!themeApplied) {
            applyTheme(dark);
        }
        String css = appStylesheet();
        if (!pane.getStylesheets().contains(css)) {
            pane.getStylesheets().add(css);
        }
        pane.pseudoClassStateChanged(DARK, dark);
    }

    /** Styles the root of a popup (a notice): popups have scenes of their own, outside {@link #create}. */
    public void style(Parent popupRoot) {
        String css = appStylesheet();
        if (!popupRoot.getStylesheets().contains(css)) {
            popupRoot.getStylesheets().add(css);
        }
        popupRoot.pseudoClassStateChanged(DARK, dark);
    }

    /** Applies the light or dark theme to the application and to every open window (on the FX thread). */
    public void applyTheme(boolean useDark) {
        dark = useDark;
        themeApplied = true;
        Application.setUserAgentStylesheet(useDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        for (Window window : Window.getWindows()) {
            if (window.getScene() != null && window.getScene().getRoot() != null) {
                window.getScene().getRoot().pseudoClassStateChanged(DARK, dark);
            }
        }
    }

    public boolean isDark() {
        return dark;
    }

    private Scene styled(Scene scene) {
        if (!themeApplied) {
            applyTheme(dark); // the app's stylesheet uses the theme's palette: never show a scene without one
        }
        scene.getStylesheets().add(appStylesheet());
        scene.getRoot().pseudoClassStateChanged(DARK, dark);
        return scene;
    }

    private static String appStylesheet() {
        return SceneFactory.class.getResource(APP_CSS).toExternalForm();
    }
}
