package org.linkdesk.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The JavaFX {@link Dialogs}: alerts and choosers owned by the main window, styled by the scene factory. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;
    private final SceneFactory scenes;

    public FxDialogs(Supplier<Window> owner, SceneFactory scenes) {
        this.owner = owner;
        this.scenes = scenes;
    }

    @Override
    public boolean confirm(String title, String question, String details, String action) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, details, go, ButtonType.CANCEL);
        prepare(alert, title, question);
        alert.getDialogPane().setId("confirmPane");
        alert.getDialogPane().lookupButton(go).setId("confirmButton");
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    @Override
    public void error(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        prepare(alert, title, null);
        alert.showAndWait();
    }

    @Override
    public void info(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        prepare(alert, title, null);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public List<Path> chooseFilesToOpen(String title) {
        List<File> files = chooser(title, List.of()).showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<String> textInput(String title, String question, String initial) {
        TextInputDialog ask = new TextInputDialog(initial == null ? "" : initial);
        prepare(ask, title, question);
        ask.getEditor().setId("textInputField");
        return ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public Optional<char[]> passwordInput(String title, String question) {
        Dialog<char[]> ask = new Dialog<>();
        prepare(ask, title, question);
        PasswordField field = new PasswordField();
        field.setId("passwordInputField");
        ask.getDialogPane().setContent(new VBox(8, new Label("Password"), field));
        ask.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ask.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        ask.setOnShown(e -> field.requestFocus());
        Optional<char[]> answer = ask.showAndWait();
        field.clear();
        return answer;
    }

    @Override
    public <T> Optional<T> choose(String title, String question, List<T> choices, T initial, Function<T, String> label) {
        ChoiceDialog<T> ask = new ChoiceDialog<>(initial, choices);
        prepare(ask, title, question);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<T> box = (javafx.scene.control.ComboBox<T>) ask.getDialogPane()
                .lookup(".combo-box");
        if (box != null) {
            box.setId("chooseBox");
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(T value) {
                    return value == null ? "" : label.apply(value);
                }

                @Override
                public T fromString(String text) {
                    return null;
                }
            });
        }
        return ask.showAndWait();
    }

    private void prepare(Dialog<?> dialog, String title, String header) {
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setResizable(true);
        dialog.getDialogPane().setMinWidth(420);
        scenes.style(dialog);
    }

    private static FileChooser chooser(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType t : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(), t.patterns()));
        }
        return chooser;
    }
}
