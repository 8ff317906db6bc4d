package org.linkdesk.tools;

import java.nio.file.Path;
import java.time.ZoneOffset;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.linkdesk.wiring.Services;
import org.linkdesk.protectedlinks.ProtectedLinksView;
import org.linkdesk.protectedlinks.ProtectedLinksViewModel;
import org.linkdesk.shares.GatewayProbe;
import org.linkdesk.ui.tasks.FxTaskRunner;

/**
 * Shows the "Protected links" tab's view over a data directory in a real window (Xvfb) for the README screenshot:
 * {@code java -Dprism.order=sw -cp … org.linkdesk.tools.ProtectedLinksShot DATA_DIR}. Selects the first link so its
 * download log shows; runs until closed.
 */
public final class ProtectedLinksShot {
    private static Path dataDir;

    private ProtectedLinksShot() {
    }

    public static void main(String[] args) {
        dataDir = Path.of(args[0]);
        Application.launch(Window.class, args);
    }

    /** The window; a nested class so the launcher itself is no Application (JavaFX on the class path). */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Services services = Services.open(dataDir);
            FxTaskRunner tasks = new FxTaskRunner(2);
            ProtectedLinksViewModel vm = new ProtectedLinksViewModel(services.protectedShares(),
                    new GatewayProbe()::problem, (b, k) -> null, () -> System.getProperty("user.name"), tasks,
                    text -> { });
            ProtectedLinksView view = new ProtectedLinksView(vm, ZoneOffset.UTC);
            Scene scene = new Scene(view.root(), 1040, 700);
            scene.getStylesheets().add(Services.class.getResource("linkdesk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            vm.rows().addListener((javafx.collections.ListChangeListener<Object>) c -> {
                if (!vm.rows().isEmpty() && vm.selectedProperty().get() == null) {
                    Platform.runLater(() -> vm.selectedProperty().set(vm.rows().get(vm.rows().size() - 1)));
                }
            });
            vm.refresh();
        }
    }
}
