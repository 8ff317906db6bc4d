package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;
import org.junit.jupiter.api.Test;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ObjectState;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareRecord;

/** `linkdesk history --json` names the maker of a team history's links and keeps the personal output as it was. */
class HistoryJsonMadeByTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static HistoryEntry entry(String madeBy) {
        ShareRecord share = new ShareRecord(7, NOW, null, "work", "AKIA", null, "eu-west-1", "b", "k.txt",
                LinkOptions.get(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)), EffectiveExpiry.Limit.REQUESTED,
                true, null);
        return new HistoryEntry(share, new ShareDetails(null, null, List.of()), ObjectState.UNKNOWN, null, null, null,
                null, "https://x/k.txt", madeBy);
    }

    @Test
    void teamRowsCarryTheMakerPersonalRowsHaveNoSuchField() {
        assertThat(HistoryCommand.toJson(entry("alice"), NOW, null).get("madeBy").asText()).isEqualTo("alice");
        assertThat(HistoryCommand.toJson(entry(null), NOW, null).has("madeBy")).isFalse();
    }
}
