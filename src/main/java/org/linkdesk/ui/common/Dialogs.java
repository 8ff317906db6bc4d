package org.linkdesk.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every question the app asks the user in a modal dialog, behind an interface free of JavaFX types so that view
 * models can ask through it and be tested with a scripted implementation ({@code ScriptedDialogs} in the tests).
 * Methods block until answered (call on the UI thread); an empty Optional or {@code false} means "cancelled".
 */
public interface Dialogs {

    /** A file type for the file choosers: {@code new FileType("CSV", "*.csv")}. */
    record FileType(String description, List<String> patterns) {
        public FileType(String description, String... patterns) {
            this(description, List.of(patterns));
        }
    }

    /**
     * One field of a {@link #form}: {@code id} names the control (for tests and accessibility), {@code hint} is the
     * greyed prompt, {@code multiline} asks for a text area.
     */
    record Field(String id, String label, String initial, String hint, boolean multiline) {
    }

    /**
     * Asks whether to go ahead: {@code question} is the header ("Delete profile “x”?"), {@code details} says what
     * follows, {@code action} labels the OK button ("Delete"). True when the user chose it.
     */
    boolean confirm(String title, String question, String details, String action);

    void error(String title, String message);

    void info(String title, String message);

    Optional<Path> chooseFileToOpen(String title, List<FileType> types);

    /** Several files to open (none when the user cancels); by default one, through {@link #chooseFileToOpen}. */
    default List<Path> chooseFilesToOpen(String title) {
        return chooseFileToOpen(title, List.of()).map(List::of).orElse(List.of());
    }

    Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types);

    Optional<Path> chooseDirectory(String title);

    /** One line of text, stripped; empty when cancelled or left blank. */
    Optional<String> textInput(String title, String question, String initial);

    /** A secret, as characters the caller clears after use. */
    Optional<char[]> passwordInput(String title, String question);

    /** Several lines of text at once (labels beside fields); the answers in field order, empty when cancelled. */
    Optional<List<String>> form(String title, String question, List<Field> fields);

    /** A long, selectable read-only text (advice the user may want to copy). */
    void showText(String title, String header, String text);

    /**
     * A short notice that needs no answer ("Export written"): shown without blocking, and it goes away by itself.
     * For finished background jobs, instead of a modal dialog.
     */
    void notice(String message);

    /** One of {@code choices}, shown by {@code label}; {@code initial} preselected. */
    <T> Optional<T> choose(String title, String question, List<T> choices, T initial,
                           java.util.function.Function<T, String> label);
}
