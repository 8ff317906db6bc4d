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
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The JavaFX {@link Dialogs}: alerts and choosers owned by the main window, styled by the scene factory. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;
    private final SceneFactory scenes;
    private final Toasts toasts;

    public FxDialogs(Supplier<Window> owner, SceneFactory scenes) {
        this.owner = owner;
        this.scenes = scenes;
        this.toasts = new Toasts(scenes);
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
    public Optional<List<String>> form(String title, String question, List<Field> fields) {
        Dialog<List<String>> ask = new Dialog<>();
        prepare(ask, title, question);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        // Labels keep their full width (never "Recip…"); the fields take the rest.
        grid.getColumnConstraints().setAll(new ColumnConstraints(Region.USE_PREF_SIZE, Region.USE_COMPUTED_SIZE,
                Region.USE_PREF_SIZE), new ColumnConstraints(200, 360, Double.MAX_VALUE, Priority.ALWAYS, null, true));
        List<TextInputControl> inputs = new java.util.ArrayList<>();
        for (Field f : fields) {
            TextInputControl input = f.multiline() ? new TextArea() : new TextField();
            if (input instanceof TextArea area) {
                area.setPrefRowCount(3);
                area.setWrapText(true);
            }
            input.setText(f.initial() == null ? "" : f.initial());
            input.setPromptText(f.hint());
            input.setId(f.id());
            Label label = new Label(f.label());
            label.setLabelFor(input);
            label.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(inputs.size(), label, input);
            inputs.add(input);
        }
        ask.getDialogPane().setContent(grid);
        ask.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ask.setResultConverter(b -> b == ButtonType.OK ? inputs.stream().map(TextInputControl::getText).toList() : null);
        if (!inputs.isEmpty()) {
            ask.setOnShown(e -> inputs.get(0).requestFocus());
        }
        return ask.showAndWait();
    }

    @Override
    public void showText(String title, String header, String text) {
        Dialog<Void> show = new Dialog<>();
        prepare(show, title, header);
        TextArea area = new TextArea(text);
        area.setId("showTextArea");
        area.getStyleClass().add("text-block");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(560, 260);
        show.getDialogPane().setContent(area);
        show.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        show.showAndWait();
    }

    @Override
    public void notice(String message) {
        toasts.show(owner.get(), message);
    }

    @Override
    public <T> Optional<T> choose(String title, String question, List<T> choices, T initial, Function<T, String> label) {
        ChoiceDialog<T> ask = new ChoiceDialog<>(initial, choices);
        prepare(ask, title, question);
        ask.getDialogPane().lookupButton(ButtonType.OK).setId("chooseOkButton");
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
