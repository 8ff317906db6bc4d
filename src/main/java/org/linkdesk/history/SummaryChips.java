package org.linkdesk.history;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.ToggleButton;
import org.linkdesk.store.HistorySummary;
import org.linkdesk.store.ShareStatus;

/** The summary bar's chips: each shows how many shares have its status, and selecting one filters by it. */
final class SummaryChips {
    private final ToggleButton active;
    private final ToggleButton expiring;
    private final ToggleButton expired;
    private final ToggleButton gone;
    private final ToggleButton changed;
    private final Map<ToggleButton, ShareStatus> statuses;

    SummaryChips(ToggleButton active, ToggleButton expiring, ToggleButton expired, ToggleButton gone,
                 ToggleButton changed) {
        this.active = active;
        this.expiring = expiring;
        this.expired = expired;
        this.gone = gone;
        this.changed = changed;
        this.statuses = Map.of(active, ShareStatus.ACTIVE, expiring, ShareStatus.EXPIRING, expired,
                ShareStatus.EXPIRED, gone, ShareStatus.GONE, changed, ShareStatus.CHANGED);
    }

    /** Clicking a chip passes its status to {@code choose}, or null when the click deselected it. */
    void onChosen(Consumer<ShareStatus> choose) {
        statuses.forEach((chip, status) -> chip.setOnAction(e -> choose.accept(chip.isSelected() ? status : null)));
    }

    /** Selects the chip of {@code status} only (none for null or a status without a chip). */
    void select(ShareStatus status) {
        statuses.forEach((chip, s) -> chip.setSelected(s == status));
    }

    void show(HistorySummary s) {
        active.setText(count(s == null ? 0 : s.active()) + " active");
        expiring.setText(count(s == null ? 0 : s.expiring()) + " expiring within 24 h");
        expired.setText(count(s == null ? 0 : s.expired()) + " expired");
        gone.setText(count(s == null ? 0 : s.gone()) + " object gone");
        changed.setText(count(s == null ? 0 : s.changed()) + " object changed");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
