package org.linkdesk.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.linkdesk.app.ThirdPartyLibraries.Library;
import org.linkdesk.ui.common.Fxml;

/** "About Linkdesk": version, Java runtime, the data directory (with "Open folder") and the bundled libraries. */
public final class AboutDialog {
    private final Path dataDirectory;
    private final Consumer<String> openUri;
    private final VBox root;
    private final Stage stage = new Stage();

    @FXML private ImageView aboutIcon;
    @FXML private Label aboutTitle;
    @FXML private Label aboutRuntime;
    @FXML private TextField aboutDataDir;
    @FXML private Button aboutOpenFolderButton;
    @FXML private TableView<Library> aboutLibraries;
    @FXML private TableColumn<Library, String> aboutLibraryName;
    @FXML private TableColumn<Library, String> aboutLibraryVersion;
    @FXML private TableColumn<Library, String> aboutLibraryLicence;
    @FXML private Button aboutCloseButton;

    /** @param openUri opens a {@code file:} URI in the desktop's file manager (the app's host services) */
    public AboutDialog(Window owner, Path dataDirectory, Consumer<String> openUri,
                       org.linkdesk.ui.common.SceneFactory scenes) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.openUri = openUri;
        this.root = Fxml.load(this, "About.fxml");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("About Linkdesk");
        stage.setScene(scenes.createDialog(stage, root, 0, 0));
    }

    @FXML
    private void initialize() {
        var icon = AboutDialog.class.getResource("icons/linkdesk-128.png");
        if (icon != null) {
            aboutIcon.setImage(new Image(icon.toExternalForm()));
        }
        aboutTitle.setText("Linkdesk " + Version.current());
        aboutRuntime.setText("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ") · JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        aboutDataDir.setText(dataDirectory.toString());
        aboutOpenFolderButton.setOnAction(e -> openUri.accept(dataDirectory.toUri().toString()));
        aboutLibraries.setItems(FXCollections.observableArrayList(ThirdPartyLibraries.all()));
        aboutLibraryName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        aboutLibraryVersion.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().version()));
        aboutLibraryLicence.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().licence()));
        aboutCloseButton.setOnAction(e -> stage.close());
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public VBox root() {
        return root;
    }
}
