package org.linkdesk.profiles;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.profiles.awsconfig.AwsConfigReader;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/** The "Import from AWS CLI" preview: reads ~/.aws in the background, lets the user pick, imports all or nothing. */
public final class AwsImportViewModel {
    private final ProfileService profiles;
    private final TaskRunner tasks;
    private final ObservableList<AwsImportRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty byReference = new SimpleBooleanProperty(false);
    private final ObjectProperty<SecretStorage> storage = new SimpleObjectProperty<>(SecretStorage.VAULT);
    private final ObservableList<SecretStorage> storageChoices = FXCollections.observableArrayList(
            SecretStorage.VAULT);
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("Reading the AWS CLI files…");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public AwsImportViewModel(ProfileService profiles, TaskRunner tasks) {
        this.profiles = profiles;
        this.tasks = tasks;
    }

    private record Loaded(AwsConfigReader.Result read, Set<String> taken, boolean keychain) {
    }

    /** Reads the files; a malformed file shows its message (file and line) and offers nothing to import. */
    public void load() {
        busy.set(true);
        error.set(null);
        var files = profiles.awsFiles();
        tasks.run(() -> new Loaded(AwsConfigReader.read(files), profiles.list().stream()
                .map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                profiles.keychain().isAvailable())).onSuccess(loaded -> {
                    rows.setAll(loaded.read().profiles().stream().map(p -> new AwsImportRow(p,
                            loaded.taken().contains(p.name().toLowerCase(Locale.ROOT)))).toList());
                    source.set(loaded.read().filesRead().isEmpty()
                            ? "No AWS CLI files found (looked for " + files.credentials() + " and " + files.config()
                            + ")."
                            : "From " + loaded.read().filesRead().stream().map(Object::toString)
                            .collect(Collectors.joining(" and ")) + ". Secrets are never shown.");
                    notes.set(String.join("\n", loaded.read().warnings()));
                    storageChoices.setAll(loaded.keychain() ? List.of(SecretStorage.VAULT, SecretStorage.KEYCHAIN)
                            : List.of(SecretStorage.VAULT));
                    storage.set(SecretStorage.VAULT);
                }).onError(e -> {
                    rows.clear();
                    source.set("Nothing can be imported until the file is fixed.");
                    error.set(UserMessages.describe(e));
                }).andFinally(() -> busy.set(false)).start();
    }

    /** Imports the selected rows in one transaction; {@code onDone} gets the summary on success. */
    public void importSelected(Consumer<AwsImport.Outcome> onDone) {
        List<AwsImport.Choice> choices = rows.stream().filter(r -> r.selectedProperty().get() && r.importable())
                .map(r -> new AwsImport.Choice(r.source(), r.targetNameProperty().get(), r.onClashProperty().get(),
                        byReference.get(), storage.get())).toList();
        if (choices.isEmpty()) {
            error.set("Tick at least one profile to import.");
            return;
        }
        busy.set(true);
        error.set(null);
        tasks.run(() -> new AwsImport(profiles).run(choices)).onSuccess(onDone)
                .onError(e -> error.set(UserMessages.describe(e))).andFinally(() -> busy.set(false)).start();
    }

    public ObservableList<AwsImportRow> rows() { return rows; }
    public BooleanProperty byReferenceProperty() { return byReference; }
    public ObjectProperty<SecretStorage> storageProperty() { return storage; }
    public ObservableList<SecretStorage> storageChoices() { return storageChoices; }
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
    /** Why nothing can be imported (a malformed file, with its line), or null. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** Sections that were skipped, one per line. */
    public ReadOnlyStringProperty notesProperty() { return notes.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
