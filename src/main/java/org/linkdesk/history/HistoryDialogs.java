package org.linkdesk.history;

import org.linkdesk.ui.common.SceneFactory;
import java.io.File;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.ui.common.Formats;

/** The History tab's dialogs: renew, edit details, how to revoke, delete, export/import, expired links. */
final class HistoryDialogs {
    private final Node owner;
    private final HistoryViewModel model;
    private final ZoneId zone;
    private final SceneFactory scenes;

    HistoryDialogs(Node owner, HistoryViewModel model, ZoneId zone, SceneFactory scenes) {
        this.owner = owner;
        this.scenes = scenes;
        this.model = model;
        this.zone = zone;
    }

    private Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }

    private <T> Dialog<T> dialog(String title, String header) {
        Dialog<T> d = new Dialog<>();
        d.initOwner(window());
        d.setTitle(title);
        d.setHeaderText(header);
        scenes.style(d);
        return d;
    }

    void renew(HistoryEntry entry) {
        if (entry == null) {
            return;
        }
        Map<String, Duration> choices = new LinkedHashMap<>();
        Duration before = entry.share().options().expiresIn();
        choices.put("Same as before (" + Formats.roughly(before) + ")", before);
        choices.put("1 hour", Duration.ofHours(1));
        choices.put("1 day", Duration.ofDays(1));
        choices.put("3 days", Duration.ofDays(3));
        choices.put("7 days (longest)", Duration.ofDays(7));
        ComboBox<String> box = new ComboBox<>();
        box.setId("historyRenewChoice");
        box.getItems().setAll(choices.keySet());
        box.getSelectionModel().selectFirst();
        Dialog<Duration> d = dialog("Renew link", "A new " + entry.share().method() + " link for "
                + entry.share().bucket() + "/" + entry.share().key() + ", with the same options, profile, note and "
                + "tags.\nThe old link keeps working until it expires.");
        ButtonType renew = new ButtonType("Renew and copy", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(renew, ButtonType.CANCEL);
        d.getDialogPane().setContent(new HBox(10, new Label("Valid for"), box));
        d.setResultConverter(b -> b == renew ? choices.get(box.getValue()) : null);
        d.showAndWait().ifPresent(lifetime -> model.renew(entry, lifetime));
    }

    void edit(HistoryEntry entry) {
        if (entry == null) {
            return;
        }
        TextArea note = new TextArea(entry.note() == null ? "" : entry.note());
        note.setId("historyEditNote");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        TextField recipient = new TextField(entry.recipient() == null ? "" : entry.recipient());
        recipient.setId("historyEditRecipient");
        recipient.setPromptText("who it was sent to");
        TextField tags = new TextField(entry.details().tagsText());
        tags.setId("historyEditTags");
        tags.setPromptText("comma-separated, e.g. legal, q3");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Recipient"), recipient);
        grid.addRow(1, new Label("Note"), note);
        grid.addRow(2, new Label("Tags"), tags);
        Dialog<ShareDetails> d = dialog("Edit details", entry.share().bucket() + "/" + entry.share().key());
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().setPrefWidth(520);
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            try {
                return new ShareDetails(note.getText(), recipient.getText(), ShareDetails.parseTags(tags.getText()));
            } catch (IllegalArgumentException e) {
                new Alert(Alert.AlertType.WARNING, e.getMessage()).showAndWait();
                return null;
            }
        });
        d.showAndWait().ifPresent(details -> model.saveDetails(entry, details));
    }

    void revoke(HistoryEntry entry) {
        if (entry == null) {
            return;
        }
        TextArea text = new TextArea(model.revokeAdvice(entry));
        text.setId("historyRevokeText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(560, 260);
        Dialog<Void> d = dialog("How to revoke", "Stopping a link before it expires");
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        d.getDialogPane().setContent(text);
        d.showAndWait();
    }

    void delete(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String what = entries.size() == 1 ? "this link" : entries.size() + " links";
        if (confirm("Delete from the history", "Remove " + what + " from the history?",
                "The links themselves keep working until they expire; see \"How to revoke\" to stop them.",
                "Delete")) {
            model.delete(entries);
        }
    }

    private boolean confirm(String title, String header, String body, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, body, yes, ButtonType.CANCEL);
        alert.initOwner(window());
        alert.setTitle(title);
        alert.setHeaderText(header);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    void export(List<HistoryEntry> selected, boolean includeUrls) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(selected == null ? "Export the links shown" : "Export the selected links");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName("linkdesk-history.csv");
        File file = chooser.showSaveDialog(window());
        if (file == null) {
            return;
        }
        if (includeUrls && !confirm("Export with links", "Include the full links?",
                "Each link works for whoever has it until it expires. Keep the file safe.", "Include links")) {
            return;
        }
        String name = file.getName().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".json")) {
            boolean json = chooser.getSelectedExtensionFilter() != null
                    && chooser.getSelectedExtensionFilter().getDescription().equals("JSON");
            file = new File(file.getPath() + (json ? ".json" : ".csv"));
        }
        model.export(file.toPath(), selected, includeUrls);
    }

    void importFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import links");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Linkdesk export", "*.csv", "*.json"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.importFile(file.toPath());
        }
    }

    /** Retention setting and "purge now", once the number of expired links is known. */
    void expired() {
        model.countExpired(count -> showExpired(count));
    }

    private void showExpired(long count) {
        Retention current = model.retention();
        ToggleGroup group = new ToggleGroup();
        RadioButton forever = new RadioButton("Keep them forever");
        RadioButton days = new RadioButton("Keep them for");
        RadioButton purge = new RadioButton("Remove them as soon as they expire");
        forever.setId("historyKeepForever");
        days.setId("historyKeepDays");
        purge.setId("historyKeepNone");
        for (RadioButton r : List.of(forever, days, purge)) {
            r.setToggleGroup(group);
        }
        Spinner<Integer> n = new Spinner<>(1, 36_500, current.mode() == Retention.Mode.DAYS ? current.days() : 30);
        n.setEditable(true);
        n.setPrefWidth(90);
        n.disableProperty().bind(days.selectedProperty().not());
        (current.mode() == Retention.Mode.FOREVER ? forever : current.mode() == Retention.Mode.DAYS ? days : purge)
                .setSelected(true);
        VBox content = new VBox(10, new Label("When a link has expired:"), forever,
                new HBox(8, days, n, new Label("days after it expired")), purge);
        Dialog<ButtonType> d = dialog("Expired links", String.format("%,d %s in the history %s expired.", count,
                count == 1 ? "link" : "links", count == 1 ? "has" : "have"));
        ButtonType save = new ButtonType("Save setting", ButtonBar.ButtonData.OK_DONE);
        ButtonType purgeNow = new ButtonType(String.format("Purge %,d now…", count), ButtonBar.ButtonData.OTHER);
        d.getDialogPane().getButtonTypes().setAll(purgeNow, save, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(purgeNow).setDisable(count == 0);
        d.getDialogPane().setContent(content);
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isEmpty()) {
            return;
        }
        if (answer.get() == save) {
            Retention chosen = forever.isSelected() ? Retention.FOREVER : days.isSelected()
                    ? new Retention(Retention.Mode.DAYS, n.getValue()) : new Retention(Retention.Mode.PURGE, 0);
            model.saveRetention(chosen);
        } else if (answer.get() == purgeNow && confirm("Purge expired links",
                String.format("Delete %,d expired %s from the history?", count, count == 1 ? "link" : "links"),
                "They no longer work. This cannot be undone; export them first if you want a record.", "Purge")) {
            model.purgeExpired();
        }
    }
}
