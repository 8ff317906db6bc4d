package org.linkdesk.history;

import java.time.Duration;
import java.util.List;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.ui.common.Dialogs;

/** The History tab's questions before an action: how long to renew for, the details to edit, delete or not. */
final class HistoryPrompts {
    private final Dialogs dialogs;
    private final HistoryViewModel model;

    HistoryPrompts(Dialogs dialogs, HistoryViewModel model) {
        this.dialogs = dialogs;
        this.model = model;
    }

    /** Asks for how long, then renews {@code entry} (see {@link HistoryViewModel#renew}). */
    void askRenew(HistoryEntry entry) {
        if (entry == null) {
            return;
        }
        Duration before = entry.share().options().expiresIn();
        java.util.Map<String, Duration> choices = new java.util.LinkedHashMap<>();
        choices.put("Same as before (" + org.linkdesk.ui.common.Formats.roughly(before) + ")", before);
        choices.put("1 hour", Duration.ofHours(1));
        choices.put("1 day", Duration.ofDays(1));
        choices.put("3 days", Duration.ofDays(3));
        choices.put("7 days (longest)", Duration.ofDays(7));
        List<String> labels = List.copyOf(choices.keySet());
        dialogs.choose("Renew link", "A new " + entry.share().method() + " link for " + entry.share().bucket() + "/"
                + entry.share().key() + ", with the same options, profile, note and tags, copied once made.\n"
                + "The old link keeps working until it expires. Valid for:", labels, labels.get(0), l -> l)
                .ifPresent(label -> model.renew(entry, choices.get(label)));
    }

    /** Asks for recipient, note and tags; asks again (keeping what was typed) while the tags are not valid. */
    void askEdit(HistoryEntry entry) {
        if (entry == null) {
            return;
        }
        List<String> values = List.of(entry.recipient() == null ? "" : entry.recipient(),
                entry.note() == null ? "" : entry.note(), entry.details().tagsText());
        while (true) {
            List<Dialogs.Field> fields = List.of(
                    new Dialogs.Field("historyEditRecipient", "Recipient", values.get(0), "who it was sent to", false),
                    new Dialogs.Field("historyEditNote", "Note", values.get(1), "", true),
                    new Dialogs.Field("historyEditTags", "Tags", values.get(2), "comma-separated, e.g. legal, q3",
                            false));
            var answer = dialogs.form("Edit details", entry.share().bucket() + "/" + entry.share().key(), fields);
            if (answer.isEmpty()) {
                return;
            }
            values = answer.get();
            try {
                model.saveDetails(entry, new ShareDetails(values.get(1), values.get(0),
                        ShareDetails.parseTags(values.get(2))));
                return;
            } catch (IllegalArgumentException e) {
                dialogs.error("Edit details", e.getMessage());
            }
        }
    }

    /** Asks, then removes {@code entries} from the history. */
    void askDelete(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String what = entries.size() == 1 ? "this link" : entries.size() + " links";
        if (dialogs.confirm("Delete from the history", "Remove " + what + " from the history?",
                "The links themselves keep working until they expire; see \u201cHow to revoke\u201d to stop them.",
                "Delete")) {
            model.delete(entries);
        }
    }
}
