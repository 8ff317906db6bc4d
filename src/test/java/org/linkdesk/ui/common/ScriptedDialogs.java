package org.linkdesk.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link Dialogs} for view-model tests: answers from a queue given in advance ({@link #answer}), and a record of
 * every question asked ({@link #asked()}). Asking with no answer queued fails the test, naming the question.
 */
public final class ScriptedDialogs implements Dialogs {
    /** One question as asked: its kind ("confirm", "error", "textInput", …), title and text. */
    public record Asked(String kind, String title, String text) {
    }

    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<Asked> asked = new ArrayList<>();

    /**
     * Queues the next answer: a Boolean for confirm, a Path (or null: cancelled) for the choosers, a String for text
     * input, a List of Strings for a form, a char[] for a password, the chosen value for choose; null means
     * "cancelled".
     */
    public ScriptedDialogs answer(Object value) {
        answers.add(value == null ? NONE : value);
        return this;
    }

    public List<Asked> asked() {
        return List.copyOf(asked);
    }

    /** The last question of {@code kind}, or fails. */
    public Asked last(String kind) {
        for (int i = asked.size() - 1; i >= 0; i--) {
            if (asked.get(i).kind().equals(kind)) {
                return asked.get(i);
            }
        }
        throw new AssertionError("No " + kind + " dialog was shown; asked: " + asked);
    }

    private static final Object NONE = new Object();

    @SuppressWarnings("unchecked")
    private <T> T next(String kind, String title, String text) {
        asked.add(new Asked(kind, title, text));
        if (answers.isEmpty()) {
            throw new AssertionError("Unexpected " + kind + " dialog \"" + title + "\": " + text);
        }
        Object value = answers.poll();
        return value == NONE ? null : (T) value;
    }

    @Override
    public boolean confirm(String title, String question, String details, String action) {
        Boolean yes = next("confirm", title, question + "\n" + details);
        return Boolean.TRUE.equals(yes);
    }

    @Override
    public void error(String title, String message) {
        asked.add(new Asked("error", title, message));
    }

    @Override
    public void info(String title, String message) {
        asked.add(new Asked("info", title, message));
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return Optional.ofNullable(next("chooseFileToOpen", title, types.toString()));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        return Optional.ofNullable(next("chooseFileToSave", title, suggestedName));
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        return Optional.ofNullable(next("chooseDirectory", title, ""));
    }

    @Override
    public Optional<String> textInput(String title, String question, String initial) {
        String text = next("textInput", title, question + " [" + initial + "]");
        return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public Optional<char[]> passwordInput(String title, String question) {
        return Optional.ofNullable(next("passwordInput", title, question));
    }

    @Override
    public Optional<List<String>> form(String title, String question, List<Field> fields) {
        return Optional.ofNullable(next("form", title, question + " " + fields.stream().map(Field::label).toList()));
    }

    @Override
    public void showText(String title, String header, String text) {
        asked.add(new Asked("text", title, header + "\n" + text));
    }

    @Override
    public void notice(String message) {
        asked.add(new Asked("notice", "", message));
    }

    @Override
    public <T> Optional<T> choose(String title, String question, List<T> choices, T initial, Function<T, String> label) {
        return Optional.ofNullable(next("choose", title, question + " " + choices.stream().map(label).toList()));
    }
}
