package org.linkdesk.history;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ShareStatus;
import org.linkdesk.ui.common.Formats;

/** How the history table shows times, statuses and long text. */
final class HistoryCells {
    private final ZoneId zone;
    private final Supplier<Instant> now;

    HistoryCells(ZoneId zone, Supplier<Instant> now) {
        this.zone = zone;
        this.now = now;
    }

    String created(HistoryEntry e) {
        return Formats.shortDateTime(e.share().createdAt(), zone);
    }

    /** "in 3 h 5 min · 2026-11-28 17:40" */
    String expires(HistoryEntry e) {
        Instant at = e.share().expiresAt();
        return Formats.relative(at, now.get()) + " · " + Formats.shortDateTime(at, zone);
    }

    static String noteAndRecipient(HistoryEntry e) {
        String note = e.note() == null ? "" : e.note().replace('\n', ' ');
        if (e.recipient() == null) {
            return note;
        }
        return "→ " + e.recipient() + (note.isEmpty() ? "" : " · " + note);
    }

    TableCell<HistoryEntry, HistoryEntry> statusCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(HistoryEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().removeIf(c -> c.startsWith("status-"));
                setTooltip(null);
                if (empty || entry == null) {
                    setText(null);
                    return;
                }
                ShareStatus status = entry.status(now.get());
                setText(status.label());
                getStyleClass().add("status-" + status.name().toLowerCase(Locale.ROOT));
                if (entry.checkedAt() != null) {
                    setTooltip(new Tooltip("Checked " + Formats.relative(entry.checkedAt(), now.get()) + ": "
                            + (entry.checkDetail() == null ? "" : entry.checkDetail())));
                }
            }
        };
    }

    /** A text cell that shows its full text in a tooltip (long keys and notes are cut off in the column). */
    static TableCell<HistoryEntry, String> tooltipCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        };
    }

    private static final javafx.css.PseudoClass PROMPT = javafx.css.PseudoClass.getPseudoClass("prompt");

    /** A combo box button showing {@code prompt} (greyed) when nothing is chosen. */
    static <T> javafx.scene.control.ListCell<T> promptCell(String prompt, java.util.function.Function<T, String> text) {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? prompt : text.apply(item));
                pseudoClassStateChanged(PROMPT, empty || item == null);
            }
        };
    }

    static StringConverter<ShareStatus> statusConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(ShareStatus s) {
                return s == null ? "Any status" : s.label();
            }

            @Override
            public ShareStatus fromString(String text) {
                return text == null || text.isBlank() ? null : ShareStatus.parse(text);
            }
        };
    }
}
